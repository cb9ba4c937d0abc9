package org.spotlerconnector.mapping;

/**
 * How a date column stores its values: {@code DateTimeAttributeMetadata.DateTimeBehavior} (Microsoft Learn, "Behavior
 * and format of the date and time column"). The column's {@code Format} only says how the apps display it; the
 * behaviour decides what the Web API reads and writes.
 */
public enum DateTimeBehavior {
  /** An instant, stored in UTC and exposed with an offset; the default for a column created without a behaviour. */
  USER_LOCAL,
  /** A date without a time, exposed as {@code YYYY-MM-DD}. */
  DATE_ONLY,
  /**
   * A date and time with no time zone: "no time zone conversion is performed", the value is returned and stored as
   * it is given, although the Web API exposes it with an offset.
   */
  TIME_ZONE_INDEPENDENT;

  /**
   * @param value the metadata's {@code DateTimeBehavior.Value}, e.g. {@code DateOnly}
   * @return {@link #USER_LOCAL} for an unknown or absent value, as a column without a behaviour is
   */
  public static DateTimeBehavior fromMetadata(String value) {
    if ("DateOnly".equals(value)) {
      return DATE_ONLY;
    }
    return "TimeZoneIndependent".equals(value) ? TIME_ZONE_INDEPENDENT : USER_LOCAL;
  }
}
