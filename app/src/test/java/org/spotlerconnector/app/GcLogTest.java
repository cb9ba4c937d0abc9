package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GcLogTest {

  @Test
  void takes_the_most_heap_in_use_before_and_after_any_pause_of_a_g1_log() {
    GcLog log = GcLog.parse(Stream.of(
        "[0.006s][info][gc] Using G1",
        "[0.623s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 19M->4M(380M) 5.539ms",
        "[2.131s][info][gc] GC(2) Pause Young (Concurrent Start) (Metadata GC Threshold) 22M->8M(380M) 8.376ms",
        "[2.131s][info][gc] GC(3) Concurrent Mark Cycle",
        "[2.140s][info][gc] GC(3) Pause Remark 230M->229M(512M) 1.234ms",
        "[2.150s][info][gc] GC(3) Pause Cleanup 229M->229M(512M) 0.050ms",
        "[2.160s][info][gc] GC(3) Concurrent Mark Cycle 29.107ms",
        "[9.001s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 207M->76M(512M) 12.000ms"));

    assertThat(log.pauses()).isEqualTo(5);
    assertThat(log.peakUsedBytes()).hasValue(230L << 20);
    assertThat(log.maxAfterCollectionBytes()).hasValue(229L << 20);
  }

  @Test
  void reads_kilobytes_and_gigabytes_and_the_lines_of_other_collectors() {
    GcLog log = GcLog.parse(Stream.of(
        "[0.101s][info][gc] GC(0) Pause Young (Allocation Failure) 896K->412K(3008K) 1.117ms",
        "[5.000s][info][gc] GC(7) Pause Full (System.gc()) 2G->1G(4G) 812.5ms"));

    assertThat(log.pauses()).isEqualTo(2);
    assertThat(log.peakUsedBytes()).hasValue(2L << 30);
    assertThat(log.maxAfterCollectionBytes()).hasValue(1L << 30);
  }

  @Test
  void a_log_without_pauses_has_no_heap_figures() {
    GcLog log = GcLog.parse(Stream.of(
        "[0.006s][info][gc] Using G1",
        "[0.5s][info][gc] GC(1) Concurrent Mark Cycle 29.107ms",
        "garbage 12M->3M without a pause"));

    assertThat(log.pauses()).isZero();
    assertThat(log.peakUsedBytes()).isEmpty();
    assertThat(log.maxAfterCollectionBytes()).isEmpty();
  }

  @Test
  void an_empty_log_has_no_heap_figures() {
    assertThat(GcLog.parse(Stream.empty())).isEqualTo(new GcLog(0, OptionalLong.empty(), OptionalLong.empty()));
  }
}
