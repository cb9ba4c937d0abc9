package org.spotlerconnector.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a date or date-time in Spotler value space as a moment in the configured zone.
 *
 * <p>ISO-8601 offsets stop at minutes, so a moment in a zone whose offset once had seconds (Amsterdam before 1937 was
 * +00:19:32) is written with its offset cut short, e.g. {@code 1930-05-01T00:00:00+00:19}. Read as an instant that
 * would be 32 seconds off, and for negative offsets a day early at midnight. So a date-time whose offset is the zone's
 * own, to the minute, is read as the zone's local time: exactly the moment it was written from.
 */
final class ZonedText {
  private ZonedText() {}

  /**
   * @param text {@code YYYY-MM-DD} (midnight), or a date-time with or without an offset (without: in the zone)
   * @throws DateTimeParseException when the text is neither
   */
  static ZonedDateTime read(String text, ZoneId zone) {
    if (!text.contains("T")) {
      return LocalDate.parse(text).atStartOfDay(zone);
    }
    OffsetDateTime written;
    try {
      written = OffsetDateTime.parse(text);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atZone(zone);
    }
    ZonedDateTime local = ZonedDateTime.ofLocal(written.toLocalDateTime(), zone, written.getOffset());
    return sameToTheMinute(local.getOffset(), written.getOffset()) ? local : written.atZoneSameInstant(zone);
  }

  private static boolean sameToTheMinute(ZoneOffset a, ZoneOffset b) {
    return a.getTotalSeconds() / 60 == b.getTotalSeconds() / 60;
  }
}
