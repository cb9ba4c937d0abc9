package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Random filter trees over {@link Contacts#SCHEMA}, rows for them, and malformed filter texts, all drawn from a
 * seeded {@link Random} so a failure replays exactly. Values come from small pools so comparisons are often true,
 * and columns are often null, which exercises the three-valued logic.
 */
final class RandomFilters {

  private static final List<String> TEXTS = List.of("anne", "Anne", "bob", "O'Brian", "", "a%b", "_");
  private static final List<String> FRAGMENTS = List.of("a", "N", "o'", "%", "_", "[ab]", "[^a]", "");
  private static final List<Integer> NUMBERS = List.of(-1, 0, 1, 2, 5);
  private static final List<String> GUIDS =
      List.of("6f1c0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "00000000-0000-0000-0000-000000000001");
  private static final List<OffsetDateTime> MOMENTS =
      List.of(
          OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC),
          OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
          OffsetDateTime.of(2024, 5, 2, 0, 0, 30, 500_000_000, ZoneOffset.UTC));
  private static final List<String> TEXT_COLUMNS = List.of("firstname", "lastname", "nickname");
  private static final List<String> NULLABLE_COLUMNS =
      List.of("nickname", "numberofchildren", "createdon", "_parentcustomerid_value");
  private static final List<String> STRING_FUNCTIONS = List.of("contains", "startswith", "endswith");
  private static final List<String> FILTER_PIECES =
      List.of(
          "eq", "and", "not", "contains(", "Microsoft.Dynamics.CRM.In(", "'", "(", ")", "[", "]", ",", "@p1",
          "lastname", "null", "2024-05-01", "2024-05-01T10:00Z", "1e5", "-", "6f1c0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
          "PropertyName=", "PropertyValues=", "\"", "true", " ");
  private static final String FILTER_CHARACTERS = "abcdeglnoqrstu ()',[]\"@=/-.:0123456789TZ%_^\\";

  private RandomFilters() {}

  /** A condition nested at most {@code depth} levels. */
  static FilterNode condition(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return atom(random);
    }
    return switch (random.nextInt(4)) {
      case 0 -> new FilterNode.And(conditions(random, depth - 1));
      case 1 -> new FilterNode.Or(conditions(random, depth - 1));
      case 2 -> new FilterNode.Not(condition(random, depth - 1));
      default -> new FilterNode.Comparison(condition(random, depth - 1), equality(random), bool(random.nextBoolean()));
    };
  }

  private static List<FilterNode> conditions(Random random, int depth) {
    List<FilterNode> operands = new ArrayList<>();
    for (int i = 2 + random.nextInt(2); i > 0; i--) {
      operands.add(condition(random, depth));
    }
    return operands;
  }

  private static FilterNode atom(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> valueComparison(random);
      case 1 -> new FilterNode.Comparison(
          property(pick(random, NULLABLE_COLUMNS)), equality(random), FilterNode.Literal.NULL);
      case 2 -> new FilterNode.FunctionCall(
          pick(random, STRING_FUNCTIONS),
          List.of(property(pick(random, TEXT_COLUMNS)), FilterNode.Literal.string(pick(random, FRAGMENTS))));
      case 3 -> columnComparison(random);
      case 4 -> inFunction(random);
      default -> property("donotemail");
    };
  }

  private static FilterNode valueComparison(Random random) {
    FilterNode[] columnAndValue =
        switch (random.nextInt(7)) {
          case 0 -> pair(pick(random, TEXT_COLUMNS), FilterNode.Literal.string(pick(random, TEXTS)));
          case 1 -> pair("numberofchildren", literal(FilterNode.LiteralKind.INTEGER, pick(random, NUMBERS) + ""));
          case 2 -> pair("creditlimit", literal(FilterNode.LiteralKind.DECIMAL, pick(random, NUMBERS) + ".5"));
          case 3 -> pair("_parentcustomerid_value", literal(FilterNode.LiteralKind.GUID, pick(random, GUIDS)));
          case 4 -> pair("createdon", FilterNode.Literal.dateTime(pick(random, MOMENTS)));
          case 5 -> pair("createdon", FilterNode.Literal.date(pick(random, MOMENTS).toLocalDate()));
          default -> pair("donotemail", bool(random.nextBoolean()));
        };
    ComparisonOperator operator = pick(random, List.of(ComparisonOperator.values()));
    boolean literalFirst = random.nextBoolean();
    return new FilterNode.Comparison(
        columnAndValue[literalFirst ? 1 : 0], operator, columnAndValue[literalFirst ? 0 : 1]);
  }

  private static FilterNode columnComparison(Random random) {
    List<String> columns = pick(random, List.of(List.of("firstname", "lastname"), List.of("createdon", "modifiedon")));
    ComparisonOperator operator = pick(random, List.of(ComparisonOperator.values()));
    return new FilterNode.Comparison(property(columns.get(0)), operator, property(columns.get(1)));
  }

  private static FilterNode inFunction(Random random) {
    List<String> values = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      values.add(pick(random, TEXTS));
    }
    return new FilterNode.QueryFunctionCall(
        pick(random, List.of("Microsoft.Dynamics.CRM.In", "Microsoft.Dynamics.CRM.NotIn")),
        List.of(
            new FilterNode.Parameter("PropertyName", FilterNode.Literal.string("lastname")),
            new FilterNode.Parameter("PropertyValues", new FilterNode.ArrayLiteral(List.copyOf(values)))));
  }

  /** A row where each column is absent, null or a value from the pools; a {@code complete} row has every column. */
  static ObjectNode row(Random random, boolean complete) {
    ObjectNode row = Json.object();
    for (String column : TEXT_COLUMNS) {
      if (present(random, complete)) {
        row.put(column, pick(random, TEXTS));
      }
    }
    if (present(random, complete)) {
      row.put("numberofchildren", pick(random, NUMBERS));
    }
    if (present(random, complete)) {
      row.put("creditlimit", new BigDecimal(pick(random, NUMBERS) + (random.nextBoolean() ? ".5" : "")));
    }
    if (present(random, complete)) {
      row.put("_parentcustomerid_value", pick(random, GUIDS));
    }
    if (present(random, complete)) {
      row.put("donotemail", random.nextBoolean());
    }
    for (String column : List.of("createdon", "modifiedon")) {
      if (present(random, complete)) {
        row.put(column, pick(random, MOMENTS).toInstant().toString());
      }
    }
    if (!complete && random.nextInt(4) == 0) {
      row.putNull("nickname");
    }
    return row;
  }

  /** Text that looks a little like a filter, or not at all. */
  static String garbage(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(3)) {
        case 0 -> text.append(FILTER_CHARACTERS.charAt(random.nextInt(FILTER_CHARACTERS.length())));
        case 1 -> text.append(pick(random, FILTER_PIECES));
        default -> text.append((char) random.nextInt(0x3000));
      }
    }
    return text.toString();
  }

  /** A valid filter with one character removed, replaced or inserted. */
  static String damaged(Random random) {
    String text = condition(random, 3).toString();
    int index = random.nextInt(text.length() + 1);
    char c = "()',[]\" @=-.:%".charAt(random.nextInt(14));
    return switch (random.nextInt(3)) {
      case 0 -> index < text.length() ? text.substring(0, index) + text.substring(index + 1) : text;
      case 1 -> index < text.length() ? text.substring(0, index) + c + text.substring(index + 1) : text + c;
      default -> text.substring(0, index) + c + text.substring(index);
    };
  }

  private static boolean present(Random random, boolean complete) {
    return complete || random.nextInt(3) > 0;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static FilterNode.Property property(String name) {
    return new FilterNode.Property(name);
  }

  private static FilterNode[] pair(String column, FilterNode.Literal literal) {
    return new FilterNode[] {property(column), literal};
  }

  private static ComparisonOperator equality(Random random) {
    return random.nextBoolean() ? ComparisonOperator.EQ : ComparisonOperator.NE;
  }

  /** A GUID (lowercase text) or a number literal (the text of its BigDecimal). */
  private static FilterNode.Literal literal(FilterNode.LiteralKind kind, String text) {
    return new FilterNode.Literal(kind, kind == FilterNode.LiteralKind.GUID ? text : new BigDecimal(text));
  }

  private static FilterNode.Literal bool(boolean value) {
    return new FilterNode.Literal(FilterNode.LiteralKind.BOOLEAN, value);
  }
}
