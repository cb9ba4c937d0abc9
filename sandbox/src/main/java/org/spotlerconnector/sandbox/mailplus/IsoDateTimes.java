package org.spotlerconnector.sandbox.mailplus;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-times as Mail+ takes them (spotler-api.md §7.4): {@code yyyy-MM-ddTHH:mm:ss}, optionally with
 * fractional seconds and an offset ({@code Z}, {@code +02:00} or {@code +0200}). A value without an offset is in the
 * account's time zone.
 */
final class IsoDateTimes {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private IsoDateTimes() {}

  /**
   * @throws DateTimeParseException when the text is not such a date-time
   */
  static ZonedDateTime parse(String text, ZoneId accountZone) {
    TemporalAccessor parsed = FORMAT.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime offsetDateTime) {
      return offsetDateTime.toZonedDateTime();
    }
    return ((LocalDateTime) parsed).atZone(accountZone);
  }
}
