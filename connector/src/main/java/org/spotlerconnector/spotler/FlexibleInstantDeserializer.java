package org.spotlerconnector.spotler;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a contact date that Mail+ sends either as epoch milliseconds (seen live) or as an ISO-8601 string (what the
 * spec's {@code date-time} suggests); spotler-api.md §2.1 and §8 Q4.
 */
final class FlexibleInstantDeserializer extends StdScalarDeserializer<Instant> {
  /**
   * Mail+ is a Dutch service, and the server zone for dates without an offset is most likely Amsterdam
   * (spotler-api.md §7.4); used only when a date comes without one.
   */
  static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Amsterdam");

  /** ISO-8601 local date-time with an optional offset: {@code Z}, {@code +01:00} or {@code +0100}. */
  private static final DateTimeFormatter ISO_WITH_ANY_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHmm", "Z")
          .optionalEnd()
          .toFormatter();

  FlexibleInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return Instant.ofEpochMilli(parser.getLongValue());
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().strip();
      try {
        return text.isEmpty() ? null : parse(text);
      } catch (DateTimeParseException | NumberFormatException e) {
        return (Instant) context.handleWeirdStringValue(Instant.class, text, "neither epoch millis nor ISO-8601");
      }
    }
    return (Instant) context.handleUnexpectedToken(Instant.class, parser);
  }

  static Instant parse(String text) {
    if (text.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    TemporalAccessor parsed = ISO_WITH_ANY_OFFSET.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime withOffset
        ? withOffset.toInstant()
        : ((LocalDateTime) parsed).atZone(SERVER_ZONE).toInstant();
  }
}
