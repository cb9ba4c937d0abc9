package org.spotlerconnector.dataverse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which row a request addresses: the primary key ({@code contacts(<guid>)}) or an alternate key
 * ({@code contacts(emailaddress1='a@b.c')}, several columns comma-separated). Strings are single-quoted with
 * {@code '} doubled, numbers and booleans are bare (dataverse-api.md §2.6). {@link #toString()} names the key columns
 * but not their values, which may be personal data.
 */
public final class RecordKey {
  private final String segment;
  private final String description;

  private RecordKey(String segment, String description) {
    this.segment = segment;
    this.description = description;
  }

  public static RecordKey id(UUID id) {
    return new RecordKey("(" + id + ")", "id " + id);
  }

  /** @throws IllegalArgumentException when {@code id} is not a GUID */
  public static RecordKey id(String id) {
    return id(UUID.fromString(id.trim()));
  }

  public static RecordKey alternate(String column, Object value) {
    return alternate(Map.of(column, value));
  }

  /** Columns in the map's iteration order; pass a {@link LinkedHashMap} when there are several. */
  public static RecordKey alternate(Map<String, ?> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an alternate key needs at least one column");
    }
    String pairs =
        columns.entrySet().stream()
            .map(e -> requireColumn(e.getKey()) + "=" + literal(e.getValue()))
            .collect(Collectors.joining(","));
    return new RecordKey("(" + pairs + ")", "alternate key " + String.join(",", columns.keySet()));
  }

  /** The key as OData writes it after the entity set, unencoded: {@code (<guid>)} or {@code (col='v')}. */
  public String segment() {
    return segment;
  }

  /** {@code <entitySet>(<key>)}, the form {@code @odata.id} takes in UpsertMultiple targets. */
  public String path(String entitySet) {
    return entitySet + segment;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordKey key && key.segment.equals(segment);
  }

  @Override
  public int hashCode() {
    return segment.hashCode();
  }

  @Override
  public String toString() {
    return "RecordKey[" + description + "]";
  }

  private static String requireColumn(String column) {
    if (column == null || !column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a column name: " + column);
    }
    return column;
  }

  private static String literal(Object value) {
    Objects.requireNonNull(value, "alternate key values cannot be null");
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).toPlainString();
    }
    if (value instanceof Boolean || value instanceof UUID) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }
}
