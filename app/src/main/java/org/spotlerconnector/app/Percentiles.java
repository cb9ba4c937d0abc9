package org.spotlerconnector.app;

import java.util.Arrays;
import java.util.OptionalLong;

/** Percentiles of measured values by the nearest-rank method: every reported figure is a value that was measured. */
final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  static Percentiles of(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  int count() {
    return sorted.length;
  }

  /**
   * The smallest measured value that at least {@code percent} per cent of the values do not exceed; empty when
   * nothing was measured.
   */
  OptionalLong at(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    if (sorted.length == 0) {
      return OptionalLong.empty();
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return OptionalLong.of(sorted[Math.max(1, rank) - 1]);
  }

  OptionalLong max() {
    return sorted.length == 0 ? OptionalLong.empty() : OptionalLong.of(sorted[sorted.length - 1]);
  }
}
