package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.query.ColumnKind;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Where the next page of a collection query starts: after the last row of the previous page, identified by its values
 * of the {@code $orderby} columns and its primary key, as Dataverse's paging cookie records them. Because the position
 * is a key rather than an offset, rows inserted or deleted between pages neither repeat nor skip other rows.
 *
 * @param last the previous page's last row, reduced to its order columns and primary key
 * @param trackingVersion for the first sync of change tracking: the version the final delta link will hold
 */
record PagingCookie(int pageNumber, ObjectNode last, UUID lastId, Long trackingVersion) {
  private static final String VERSION = "version";

  static String skipToken(
      int nextPage, TableDefinition table, List<String> orderProperties, Row last, Row first, Long trackingVersion) {
    Map<String, String> root = new LinkedHashMap<>();
    root.put("page", String.valueOf(nextPage - 1));
    if (trackingVersion != null) {
      root.put(VERSION, String.valueOf(trackingVersion));
    }
    List<SkipToken.Element> elements = new ArrayList<>();
    for (String property : orderProperties) {
      Map<String, String> attributes = new LinkedHashMap<>();
      JsonNode lastValue = last.values().get(property);
      if (lastValue != null && !lastValue.isNull()) {
        attributes.put("last", lastValue.asText());
      }
      JsonNode firstValue = first.values().get(property);
      if (firstValue != null && !firstValue.isNull()) {
        attributes.put("first", firstValue.asText());
      }
      elements.add(new SkipToken.Element(property, attributes));
    }
    Map<String, String> key = new LinkedHashMap<>();
    key.put("last", braced(last.id()));
    key.put("first", braced(first.id()));
    elements.add(new SkipToken.Element(table.primaryIdColumn(), key));
    return SkipToken.of(nextPage, trackingVersion != null, root, elements);
  }

  /** Reads a token issued for the same query; one issued for another ordering or table is refused. */
  static PagingCookie parse(String token, TableDefinition table, List<String> orderProperties) {
    SkipToken.Parsed parsed = SkipToken.parse(token);
    List<SkipToken.Element> elements = parsed.elements();
    if (elements.size() != orderProperties.size() + 1) {
      throw SkipToken.invalid();
    }
    ObjectNode last = Json.object();
    for (int i = 0; i < orderProperties.size(); i++) {
      SkipToken.Element element = elements.get(i);
      if (!element.name().equals(orderProperties.get(i))) {
        throw SkipToken.invalid();
      }
      ColumnDefinition column = table.columnForProperty(element.name()).orElseThrow(SkipToken::invalid);
      String text = element.attributes().get("last");
      if (text != null) {
        last.set(column.propertyName(), typed(column.kind(), text));
      }
    }
    SkipToken.Element key = elements.get(elements.size() - 1);
    String keyText = key.attributes().get("last");
    if (!key.name().equals(table.primaryIdColumn()) || keyText == null) {
      throw SkipToken.invalid();
    }
    UUID lastId = ColumnValues.parseGuid(keyText).orElseThrow(SkipToken::invalid);
    last.put(table.primaryIdColumn(), lastId.toString());
    String version = parsed.attributes().get(VERSION);
    try {
      return new PagingCookie(parsed.pageNumber(), last, lastId, version == null ? null : Long.parseLong(version));
    } catch (NumberFormatException e) {
      throw SkipToken.invalid();
    }
  }

  /** A GUID as paging cookies write it: upper case, in braces. */
  static String braced(UUID id) {
    return "{" + id.toString().toUpperCase(Locale.ROOT) + "}";
  }

  /** A cookie's text as a stored value of a column of this kind. */
  static JsonNode typed(ColumnKind kind, String text) {
    try {
      return switch (kind) {
        case INTEGER, CHOICE -> IntNode.valueOf(Integer.parseInt(text));
        case BIGINT -> LongNode.valueOf(Long.parseLong(text));
        case DECIMAL, MONEY -> DecimalNode.valueOf(new BigDecimal(text));
        case DOUBLE -> DoubleNode.valueOf(Double.parseDouble(text));
        case BOOLEAN -> BooleanNode.valueOf(Boolean.parseBoolean(text));
        default -> TextNode.valueOf(text);
      };
    } catch (NumberFormatException e) {
      throw SkipToken.invalid();
    }
  }
}
