package org.spotlerconnector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final Clock start = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void shows_count_percentage_rate_and_eta() {
    ProgressBar bar = new ProgressBar("contacts", 1_000, new PrintWriter(new StringWriter()), start, false);
    bar.advance(250);

    String line = bar.line(start.millis() + 5_000);

    assertThat(line).contains("250/1000 (25%)").contains(" 50/s").contains("ETA 0:15").contains("[########");
  }

  @Test
  void without_a_total_shows_the_count_and_elapsed_time() {
    ProgressBar bar = new ProgressBar("leads", 0, new PrintWriter(new StringWriter()), start, false);
    bar.advance(42);

    assertThat(bar.line(start.millis() + 65_000)).isEqualTo("leads 42 1/s elapsed 1:05");
  }

  @Test
  void without_a_terminal_prints_plain_lines_and_a_final_one() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar("accounts", 10, new PrintWriter(text, true), start, false);
    bar.advance(5);
    bar.advance(5);
    bar.finish();

    String printed = text.toString();
    assertThat(printed).doesNotContain("\r").contains("10/10 (100%)");
    assertThat(printed.lines()).hasSize(2);
  }

  @Test
  void formats_long_durations_with_hours() {
    assertThat(ProgressBar.format(java.time.Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
  }
}
