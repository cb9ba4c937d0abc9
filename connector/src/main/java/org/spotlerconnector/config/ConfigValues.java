package org.spotlerconnector.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsers for the kinds of values the configuration holds; each failure says how to write the value. */
final class ConfigValues {
  private static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ConfigValues() {}

  static String text(String text) {
    return text.strip();
  }

  /** An absolute http(s) URL, without a trailing slash. */
  static URI httpUrl(String text) {
    return url(text, false);
  }

  /** An absolute https URL, without a trailing slash. */
  static URI httpsUrl(String text) {
    return url(text, true);
  }

  private static URI url(String text, boolean httpsOnly) {
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String expectation =
        httpsOnly ? "write an absolute https:// URL" : "write an absolute URL starting with https:// (or http://)";
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(expectation);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean allowedScheme = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
    if (!allowedScheme || uri.getHost() == null) {
      throw new IllegalArgumentException(expectation);
    }
    return uri;
  }

  static ValueParser<Integer> wholeNumber(int min, int max) {
    return text -> {
      try {
        int value = Integer.parseInt(text.strip());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below, with the allowed range
      }
      throw new IllegalArgumentException("write a whole number from " + min + " to " + max);
    };
  }

  static double positiveNumber(String text) {
    try {
      double value = Double.parseDouble(text.strip());
      if (value > 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("write a number above 0, e.g. 5 or 0.5");
  }

  static Duration positiveDuration(String text) {
    Duration duration = Durations.parse(text);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("write a duration above zero, e.g. 5s");
    }
    return duration;
  }

  static boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("write true or false");
    };
  }

  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("write a time zone id such as Europe/Amsterdam or UTC");
    }
  }

  static String connectionId(String text) {
    String id = text.strip();
    if (!CONNECTION_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("use 1 to 64 letters, digits, - or _, e.g. contoso-prod");
    }
    return id;
  }

  static String jdbcUrl(String text) {
    String url = text.strip();
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "use jdbc:sqlite:<file>, e.g. " + StoreConfig.DEFAULT_URL + ", or jdbc:postgresql://<host>/<database>");
    }
    return url;
  }
}
