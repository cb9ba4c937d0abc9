package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How values of a family of column kinds are read from a row, made from literals, and ordered. Values of one domain
 * compare with each other whatever the exact kinds: an integer with a money amount, a date with a date-time.
 *
 * <p>The Java types: TEXT and GUID hold Strings (GUIDs lowercase), NUMBER BigDecimals, BOOLEAN Booleans, TEMPORAL
 * Instants (a date is its midnight UTC) and CHOICES the selected option values sorted and comma-joined ("1,3"), so
 * equal selections are equal strings.
 */
enum ValueDomain {
  TEXT {
    @Override
    Object fromText(String text) {
      return text;
    }

    @Override
    Optional<Object> fromLiteral(FilterNode.Literal literal) {
      return literal.kind() == FilterNode.LiteralKind.STRING ? Optional.of(literal.value()) : Optional.empty();
    }

    /** Dataverse compares strings case-insensitively. */
    @Override
    int compare(Object left, Object right) {
      return String.CASE_INSENSITIVE_ORDER.compare((String) left, (String) right);
    }
  },
  GUID {
    @Override
    Object fromText(String text) {
      String guid = text.strip();
      if (!CANONICAL_GUID.matcher(guid).matches()) {
        throw new IllegalArgumentException("not a GUID: " + text);
      }
      return guid.toLowerCase(Locale.ROOT);
    }

    /** Accepts quoted GUIDs too, as Dataverse documents ({@code _owninguser_value eq '<systemuserid value>'}). */
    @Override
    Optional<Object> fromLiteral(FilterNode.Literal literal) {
      return switch (literal.kind()) {
        case GUID -> Optional.of(literal.value());
        case STRING -> parseOptional((String) literal.value());
        default -> Optional.empty();
      };
    }
  },
  NUMBER {
    @Override
    Object fromText(String text) {
      return new BigDecimal(text.strip());
    }

    @Override
    Optional<Object> fromLiteral(FilterNode.Literal literal) {
      return literal.value() instanceof BigDecimal ? Optional.of(literal.value()) : Optional.empty();
    }

    @Override
    Object readValue(JsonNode node) {
      return node.isNumber() ? node.decimalValue() : super.readValue(node);
    }
  },
  BOOLEAN {
    @Override
    Object fromText(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1" -> Boolean.TRUE;
        case "false", "0" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not a boolean: " + text);
      };
    }

    @Override
    Optional<Object> fromLiteral(FilterNode.Literal literal) {
      return literal.kind() == FilterNode.LiteralKind.BOOLEAN ? Optional.of(literal.value()) : Optional.empty();
    }

    @Override
    Object readValue(JsonNode node) {
      return node.isBoolean() ? node.booleanValue() : super.readValue(node);
    }
  },
  TEMPORAL {
    @Override
    Object fromText(String text) {
      return toInstant(text.strip());
    }

    @Override
    Optional<Object> fromLiteral(FilterNode.Literal literal) {
      return switch (literal.kind()) {
        case DATE_TIME -> Optional.of(((OffsetDateTime) literal.value()).toInstant());
        case DATE -> Optional.of(startOfDay((LocalDate) literal.value()));
        default -> Optional.empty();
      };
    }
  },
  CHOICES {
    @Override
    Object fromText(String text) {
      return Arrays.stream(text.split(",", -1))
          .map(value -> Integer.valueOf(value.strip()))
          .collect(Collectors.toCollection(TreeSet::new))
          .stream()
          .map(String::valueOf)
          .collect(Collectors.joining(","));
    }

    @Override
    Optional<Object> fromLiteral(FilterNode.Literal literal) {
      boolean text = literal.kind() == FilterNode.LiteralKind.STRING;
      return text ? parseOptional((String) literal.value()) : Optional.empty();
    }
  };

  private static final Pattern CANONICAL_GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static ValueDomain of(ColumnKind kind) {
    return switch (kind) {
      case STRING, MEMO -> TEXT;
      case GUID, LOOKUP -> GUID;
      case INTEGER, BIGINT, DECIMAL, DOUBLE, MONEY, CHOICE -> NUMBER;
      case BOOLEAN -> BOOLEAN;
      case DATETIME, DATEONLY -> TEMPORAL;
      case MULTICHOICE -> CHOICES;
    };
  }

  /**
   * The value of text in a query function's value list, such as {@code "2000"} for a number column.
   *
   * @throws IllegalArgumentException when the text is no value of this domain
   */
  abstract Object fromText(String text);

  /** The literal as a value of this domain; empty when OData would reject the comparison for its types. */
  abstract Optional<Object> fromLiteral(FilterNode.Literal literal);

  /** A row's stored value, or null when it is null, absent or unreadable (a filter then treats it as unknown). */
  final Object read(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return readValue(node);
  }

  /** Reads a scalar; stored text is parsed leniently, so {@code "2"} in a number column is 2. */
  Object readValue(JsonNode node) {
    return parseOptional(node.asText()).orElse(null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  int compare(Object left, Object right) {
    return ((Comparable) left).compareTo(right);
  }

  Optional<Object> parseOptional(String text) {
    try {
      return Optional.of(fromText(text));
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Reads the stored forms: {@code 2024-05-01}, {@code 2024-05-01T10:00:00Z}, with any offset or none (UTC). */
  static Instant toInstant(String text) {
    if (text.length() == 10) {
      return startOfDay(LocalDate.parse(text));
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }
}
