package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.spotlerconnector.sync.lists.ListSyncReport;

class ListBenchmarkTest {

  @Test
  @Timeout(120)
  @DisplayName("a small run measures both lists from scratch and after the change; the change costs one audience"
      + " call each way")
  void measures_both_lists_twice() throws Exception {
    ListBenchmarkSettings settings = new ListBenchmarkSettings(
        1_000, List.of(ListBenchmark.ListKind.STATIC, ListBenchmark.ListKind.DYNAMIC), 0, 0, 1_000);

    List<ListBenchmark.Measurement> measurements = new ListBenchmark(settings).run();

    assertThat(measurements).extracting(ListBenchmark.Measurement::sync)
        .containsExactly("from scratch", "after a 1% change", "from scratch", "after a 1% change");
    assertThat(measurements).allMatch(ListBenchmark.Measurement::audienceMatches);
    assertThat(measurements.get(1).report().added()).isEqualTo(5);
    assertThat(measurements.get(1).report().removed()).isEqualTo(5);
    assertThat(measurements.get(1).audienceCalls()).isEqualTo(2);
    assertThat(measurements.get(3).audienceCalls()).isEqualTo(2);
    assertThat(ListBenchmarkReport.complete(measurements)).isTrue();
  }

  @Test
  void reports_each_sync_as_a_table_row() {
    ListBenchmark.Measurement change = new ListBenchmark.Measurement(ListBenchmark.ListKind.DYNAMIC,
        "after a 1% change", new ListSyncReport("l", "List", 100_000, 500, 500, 0), Duration.ofMillis(2_345), 20, 1,
        2, 0, true);

    String text = ListBenchmarkReport.text(
        new ListBenchmarkSettings(100_000, List.of(ListBenchmark.ListKind.DYNAMIC), 50, 5, 50), List.of(change));

    assertThat(text).contains("lists of 100,000 members, 50 ms latency")
        .contains("| dynamic | after a 1% change: 500 added, 500 removed | 2.3 s | 21 (20 reading the list) |"
            + " 2 (2 to the audience) | yes |");
  }
}
