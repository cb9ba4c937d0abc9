package org.spotlerconnector.sandbox.dataverse.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validates a {@code $select} query option and lists its columns, first occurrence order, without duplicates. */
public final class SelectParser {

  private SelectParser() {}

  /**
   * @param select the option's decoded value; null or blank (no {@code $select}, all columns) gives an empty list
   * @throws ODataQueryException when the option is malformed or names an unknown column
   */
  public static List<String> parse(String select, QuerySchema schema) {
    if (select == null || select.isBlank()) {
      return List.of();
    }
    Set<String> columns = new LinkedHashSet<>();
    for (CommaList.Item item : CommaList.split(select)) {
      columns.add(Column.resolve(item.text(), schema).name());
    }
    return List.copyOf(columns);
  }
}
