package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentilesTest {

  @Test
  void takes_the_nearest_rank_of_one_to_a_hundred() {
    Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).toArray());

    assertThat(p.at(50)).hasValue(50);
    assertThat(p.at(90)).hasValue(90);
    assertThat(p.at(99)).hasValue(99);
    assertThat(p.at(100)).hasValue(100);
    assertThat(p.max()).hasValue(100);
  }

  @Test
  void reports_a_measured_value_not_an_interpolated_one() {
    Percentiles p = Percentiles.of(new long[] {40, 10, 30, 20});

    assertThat(p.at(50)).hasValue(20);
    assertThat(p.at(51)).hasValue(30);
    assertThat(p.at(99)).hasValue(40);
  }

  @Test
  void a_single_value_is_every_percentile() {
    Percentiles p = Percentiles.of(new long[] {7});

    assertThat(p.at(0.1)).hasValue(7);
    assertThat(p.at(50)).hasValue(7);
    assertThat(p.at(99)).hasValue(7);
  }

  @Test
  void nothing_measured_gives_no_figure() {
    Percentiles p = Percentiles.of(new long[0]);

    assertThat(p.at(50)).isEmpty();
    assertThat(p.max()).isEmpty();
    assertThat(p.count()).isZero();
  }

  @Test
  void leaves_the_callers_values_untouched() {
    long[] values = {3, 1, 2};

    Percentiles.of(values).at(50);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void refuses_a_percentage_outside_zero_to_a_hundred() {
    Percentiles p = Percentiles.of(new long[] {1});

    assertThatThrownBy(() -> p.at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.at(100.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20_240_601})
  void at_least_that_share_of_values_are_at_most_the_percentile_and_fewer_are_below_it(long seed) {
    Random random = new Random(seed);
    long[] values = random.longs(1 + random.nextInt(500), 0, 1_000).toArray();
    double percent = 0.1 + random.nextDouble() * 99.9;

    long figure = Percentiles.of(values).at(percent).orElseThrow();

    long atMost = Arrays.stream(values).filter(v -> v <= figure).count();
    long below = Arrays.stream(values).filter(v -> v < figure).count();
    assertThat(values).contains(figure);
    assertThat(atMost * 100.0 / values.length).isGreaterThanOrEqualTo(percent);
    assertThat(below * 100.0 / values.length).isLessThan(percent);
  }
}
