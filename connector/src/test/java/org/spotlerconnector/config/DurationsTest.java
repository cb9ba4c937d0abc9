package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "5s, PT5S", "2m, PT2M", "1h, PT1H", "1d, PT24H", "1m30s, PT1M30S", "PT5S, PT5S",
      "pt2m, PT2M"})
  void reads_short_and_iso_durations(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5 s", "five seconds", "5x", "P", "-5s", "99999999999999999999d"})
  void rejects_other_text_saying_how_to_write_a_duration(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("write a duration such as 500ms, 5s, 2m, 1h, 1m30s or PT5S");
  }
}
