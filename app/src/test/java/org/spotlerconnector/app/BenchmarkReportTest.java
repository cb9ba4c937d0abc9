package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  @Test
  void writes_durations_as_the_options_take_them() {
    assertThat(BenchmarkReport.duration(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(BenchmarkReport.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(BenchmarkReport.duration(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(BenchmarkReport.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(BenchmarkReport.duration(Duration.ZERO)).isEqualTo("0ms");
  }
}
