package org.spotlerconnector.mapping;

import java.util.Objects;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;

/**
 * A mapping row's filter, written {@code column=value}: a record of a table the row maps is synced only when that
 * column (of that table, or of a related row: {@code parentcustomerid_account.statecode=0}) has this value.
 *
 * <p>How a value matches: an empty value matches an empty column; {@code true}/{@code false} (or {@code 1}/{@code 0})
 * match a yes/no column; a number matches numerically, and for a choice column the choice's label matches too (ignoring
 * case); text matches ignoring case, as Dataverse compares strings.
 */
public record RowFilter(ColumnExpression column, String value) {
  public RowFilter {
    Objects.requireNonNull(value, "value");
    if (!(column instanceof Column) && !(column instanceof RelatedColumn)) {
      throw new MappingSyntaxException(
          "a filter compares a column, not " + (column == null ? "nothing" : column.text())
              + "; write column=value, e.g. statecode=0");
    }
  }

  /**
   * @throws MappingSyntaxException when the text is not {@code column=value}
   */
  public static RowFilter parse(String text) {
    int equals = text == null ? -1 : text.indexOf('=');
    if (equals < 0) {
      throw new MappingSyntaxException(
          "a filter is written column=value (e.g. statecode=0), not '" + (text == null ? "" : text) + "'");
    }
    return new RowFilter(ColumnExpression.parse(text.substring(0, equals)), text.substring(equals + 1).strip());
  }

  public String text() {
    return column.text() + "=" + value;
  }

  @Override
  public String toString() {
    return text();
  }
}
