package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The key between the parentheses of an entity URL: {@code contacts(<guid>)}, {@code contacts(contactid=<guid>)}, or
 * an alternate key such as {@code contacts(emailaddress1='a@b.c')} or
 * {@code contacts(firstname='Joe',lastname='O''Neil')}
 * (dataverse-api.md §2.6). Strings are single-quoted with {@code ''} for a quote; numbers, GUIDs and booleans bare.
 */
sealed interface EntityKey {

  record ById(UUID id) implements EntityKey {}

  /** Alternate key values by column logical name, in the order the table declares the key. */
  record ByAlternateKey(List<String> columns, List<JsonNode> values) implements EntityKey {}

  /** Parses the text between the parentheses; a key the table does not declare is the documented invalid-key error. */
  static EntityKey parse(String text, TableDefinition table) {
    Optional<UUID> bare = ColumnValues.parseGuid(text.trim());
    if (bare.isPresent()) {
      return new ById(bare.get());
    }
    Map<String, JsonNode> pairs = pairs(text, table);
    if (pairs.size() == 1 && pairs.containsKey(table.primaryIdColumn())) {
      JsonNode id = pairs.get(table.primaryIdColumn());
      return new ById(ColumnValues.parseGuid(id.asText()).orElseThrow(() -> DataverseException.invalidKey(table)));
    }
    Map<String, JsonNode> byColumn = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> pair : pairs.entrySet()) {
      ColumnDefinition column =
          table.columnForProperty(pair.getKey()).orElseThrow(() -> DataverseException.invalidKey(table));
      byColumn.put(column.logicalName(), pair.getValue());
    }
    for (List<String> key : table.alternateKeys()) {
      if (new HashSet<>(key).equals(byColumn.keySet())) {
        List<JsonNode> values = new ArrayList<>();
        key.forEach(column -> values.add(byColumn.get(column)));
        return new ByAlternateKey(key, values);
      }
    }
    throw DataverseException.invalidKey(table);
  }

  private static Map<String, JsonNode> pairs(String text, TableDefinition table) {
    Map<String, JsonNode> pairs = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        throw DataverseException.invalidKey(table);
      }
      String name = text.substring(i, eq).trim();
      int end;
      JsonNode value;
      if (eq + 1 < text.length() && text.charAt(eq + 1) == '\'') {
        StringBuilder literal = new StringBuilder();
        int j = eq + 2;
        while (true) {
          if (j >= text.length()) {
            throw DataverseException.invalidKey(table);
          }
          char c = text.charAt(j);
          if (c == '\'') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
              literal.append('\'');
              j += 2;
              continue;
            }
            break;
          }
          literal.append(c);
          j++;
        }
        value = TextNode.valueOf(literal.toString());
        end = j + 1;
      } else {
        int comma = text.indexOf(',', eq + 1);
        end = comma < 0 ? text.length() : comma;
        value = bareLiteral(text.substring(eq + 1, end).trim(), table);
      }
      if (name.isEmpty() || pairs.put(name, value) != null) {
        throw DataverseException.invalidKey(table);
      }
      while (end < text.length() && text.charAt(end) == ' ') {
        end++;
      }
      if (end < text.length()) {
        if (text.charAt(end) != ',' || end == text.length() - 1) {
          throw DataverseException.invalidKey(table);
        }
        end++;
      }
      i = end;
    }
    if (pairs.isEmpty()) {
      throw DataverseException.invalidKey(table);
    }
    return pairs;
  }

  private static JsonNode bareLiteral(String literal, TableDefinition table) {
    Optional<UUID> guid = ColumnValues.parseGuid(literal);
    if (guid.isPresent()) {
      return TextNode.valueOf(guid.get().toString());
    }
    if (literal.equals("true") || literal.equals("false")) {
      return BooleanNode.valueOf(Boolean.parseBoolean(literal));
    }
    try {
      BigDecimal number = new BigDecimal(literal);
      return number.scale() <= 0 ? LongNode.valueOf(number.longValueExact()) : DecimalNode.valueOf(number);
    } catch (NumberFormatException | ArithmeticException e) {
      throw DataverseException.invalidKey(table);
    }
  }
}
