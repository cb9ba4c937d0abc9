package org.spotlerconnector.mapping;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;
import org.spotlerconnector.mapping.TableSchema.Navigation;

/** Finds the column an expression names in the Dataverse schema, or says precisely why it cannot. */
final class ColumnResolver {
  private static final Pattern WEB_API_LOOKUP_NAME = Pattern.compile("_(\\w+)_value");

  private final DataverseSchema schema;

  ColumnResolver(DataverseSchema schema) {
    this.schema = schema;
  }

  /** Thrown with a message that names the expression and what to write instead. */
  static final class UnresolvedColumnException extends Exception {
    UnresolvedColumnException(String message) {
      super(message);
    }
  }

  ResolvedColumn resolve(String table, ColumnExpression expression) throws UnresolvedColumnException {
    TableSchema tableSchema = table(table);
    if (expression instanceof Column column) {
      return new ResolvedColumn(Optional.empty(), column.name(), columnType(tableSchema, column.name()));
    }
    if (expression instanceof RelatedColumn related) {
      Navigation navigation = navigation(tableSchema, related);
      TableSchema target = table(navigation.targetTable());
      return new ResolvedColumn(
          Optional.of(related.navigationProperty()), related.column(), columnType(target, related.column()));
    }
    throw new IllegalArgumentException(expression.text() + " is not a column. Indicates a bug.");
  }

  private TableSchema table(String logicalName) throws UnresolvedColumnException {
    Optional<TableSchema> table = schema.table(logicalName);
    if (table.isEmpty()) {
      throw new UnresolvedColumnException("table " + logicalName + " does not exist in the Dataverse environment");
    }
    return table.get();
  }

  private static ColumnType columnType(TableSchema table, String column) throws UnresolvedColumnException {
    Optional<ColumnType> type = table.columnType(column);
    if (type.isPresent()) {
      return type.get();
    }
    Matcher webApiName = WEB_API_LOOKUP_NAME.matcher(column);
    if (webApiName.matches() && table.columnType(webApiName.group(1)).isPresent()) {
      throw new UnresolvedColumnException(
          "'" + column + "' is how the Web API returns lookup column '" + webApiName.group(1)
              + "'; write " + webApiName.group(1));
    }
    throw new UnresolvedColumnException(
        "column '" + column + "' does not exist on table " + table.logicalName()
            + Suggestions.didYouMean(column, table.columnNames()));
  }

  private static Navigation navigation(TableSchema table, RelatedColumn related) throws UnresolvedColumnException {
    Optional<Navigation> navigation = table.navigation(related.navigationProperty());
    if (navigation.isPresent()) {
      return navigation.get();
    }
    List<LookupTarget> targets = table.lookupTargets(related.navigationProperty());
    if (!targets.isEmpty()) {
      throw new UnresolvedColumnException(
          "'" + related.navigationProperty() + "' is a lookup column; start a related column with its navigation"
              + " property: "
              + targets.stream()
                  .map(t -> t.navigationProperty() + "." + related.column())
                  .collect(Collectors.joining(" or ")));
    }
    throw new UnresolvedColumnException(
        "'" + related.navigationProperty() + "' is not a navigation property of table " + table.logicalName()
            + Suggestions.didYouMean(related.navigationProperty(), table.navigationPropertyNames()));
  }
}
