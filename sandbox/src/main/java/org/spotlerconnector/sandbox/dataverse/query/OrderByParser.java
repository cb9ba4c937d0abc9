package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Map;

/**
 * Turns an {@code $orderby} query option ({@code name asc,createdon desc}) into a row comparator. Null values sort
 * first ascending and last descending, as SQL Server sorts them; strings sort case-insensitively.
 */
public final class OrderByParser {

  private OrderByParser() {}

  /**
   * @param orderby the option's decoded value; null (no {@code $orderby}) gives a comparator that keeps the order
   * @throws ODataQueryException when the option is malformed or names an unknown column
   */
  public static Comparator<ObjectNode> parse(String orderby, QuerySchema schema) {
    return parse(orderby, schema, Map.of());
  }

  /**
   * As {@link #parse(String, QuerySchema)}; a column may be given as a parameter alias ({@code $orderby=@p1&@p1=name}),
   * keyed with or without the leading {@code @}.
   */
  public static Comparator<ObjectNode> parse(String orderby, QuerySchema schema, Map<String, String> aliases) {
    Comparator<ObjectNode> order = (left, right) -> 0;
    if (orderby == null) {
      return order;
    }
    for (CommaList.Item item : CommaList.split(orderby)) {
      order = order.thenComparing(sortKey(item, orderby, schema, aliases));
    }
    return order;
  }

  private static Comparator<ObjectNode> sortKey(
      CommaList.Item item, String orderby, QuerySchema schema, Map<String, String> aliases) {
    String[] words = item.text().split("\\s+");
    int unexpected = words.length == 1 || isDirection(words[1]) ? 2 : 1;
    if (words.length > unexpected) {
      throw ODataQueryException.at("Syntax error", item.position() + offsetOfWord(item.text(), unexpected), orderby);
    }
    Comparator<ObjectNode> ascending = nullsFirst(Column.resolve(columnName(words[0], aliases), schema));
    return words.length == 2 && words[1].equals("desc") ? ascending.reversed() : ascending;
  }

  private static boolean isDirection(String word) {
    return word.equals("asc") || word.equals("desc");
  }

  /** Where the n-th (zero-based) whitespace-separated word of a stripped item starts. */
  private static int offsetOfWord(String text, int n) {
    int offset = 0;
    for (int word = 0; word < n; word++) {
      while (!Character.isWhitespace(text.charAt(offset))) {
        offset++;
      }
      while (Character.isWhitespace(text.charAt(offset))) {
        offset++;
      }
    }
    return offset;
  }

  private static String columnName(String word, Map<String, String> aliases) {
    if (!word.startsWith("@")) {
      return word;
    }
    return ParameterAliases.valueOf(word, aliases)
        .map(String::strip)
        .orElseThrow(() -> ODataQueryException.of("The parameter alias '" + word + "' used in $orderby has no value."));
  }

  static Comparator<ObjectNode> nullsFirst(Column column) {
    ValueDomain domain = column.domain();
    return (left, right) -> {
      Object leftValue = column.read(left);
      Object rightValue = column.read(right);
      if (leftValue == null || rightValue == null) {
        return Boolean.compare(leftValue != null, rightValue != null);
      }
      return domain.compare(leftValue, rightValue);
    };
  }
}
