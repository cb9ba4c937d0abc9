package org.spotlerconnector.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, combinations
 * such as {@code 1m30s}, or ISO-8601 such as {@code PT5S}.
 */
public final class Durations {
  private static final Pattern COMPOUND = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException saying how to write a duration
   */
  public static Duration parse(String text) {
    String compact = text.strip().toLowerCase(Locale.ROOT);
    if (compact.startsWith("p")) {
      try {
        return Duration.parse(compact.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid();
      }
    }
    if (!COMPOUND.matcher(compact).matches()) {
      throw invalid();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(compact);
    try {
      while (part.find()) {
        total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid();
    }
    return total;
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("write a duration such as 500ms, 5s, 2m, 1h, 1m30s or PT5S");
  }
}
