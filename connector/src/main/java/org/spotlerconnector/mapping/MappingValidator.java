package org.spotlerconnector.mapping;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.Constant;
import org.spotlerconnector.mapping.ColumnExpression.CustomerType;
import org.spotlerconnector.mapping.ColumnExpression.ListMembership;
import org.spotlerconnector.mapping.ColumnExpression.Permissions;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;
import org.spotlerconnector.mapping.ColumnResolver.UnresolvedColumnException;

/**
 * Checks a mapping against the Spotler account's contact properties and the Dataverse tables before anything syncs,
 * and reports every problem at once, each pointing at its row.
 *
 * <p>Checked: the Spotler field exists; every column (and related column, one level deep) exists on its table, with
 * the lookup's navigation property; the column type can fill the field type; special values fit their field and are
 * not written from Spotler; related, lookup, unique identifier and other columns (images, files) are not written from
 * Spotler; filters name existing columns and values that can match; no Spotler field is mapped twice for one table; no
 * Dataverse column is written from Spotler by two rows. The syntax of expressions (including the one-level limit) is
 * checked earlier, when the rows are read.
 *
 * <p>The entity column's table is not known yet, so for it only the direction rules are checked.
 */
public final class MappingValidator {
  private final SpotlerSchema spotler;
  private final ColumnResolver columns;
  private final ValueConverter converter = new ValueConverter(ZoneOffset.UTC);

  public MappingValidator(SpotlerSchema spotler, DataverseSchema dataverse) {
    this.spotler = spotler;
    this.columns = new ColumnResolver(dataverse);
  }

  public List<MappingProblem> validate(List<FieldMapping> rows) {
    Set<MappingProblem> problems = new LinkedHashSet<>();
    for (FieldMapping row : rows) {
      checkRow(row, problems);
    }
    checkDuplicates(rows, problems);
    return List.copyOf(problems);
  }

  private void checkRow(FieldMapping row, Set<MappingProblem> problems) {
    Optional<SpotlerProperty> property = spotler.property(row.spotlerField());
    if (property.isEmpty()) {
      problems.add(
          MappingProblem.of(
              row,
              "'" + row.spotlerField() + "' is not a contact field of the Spotler account"
                  + Suggestions.didYouMean(row.spotlerField(), spotler.propertyNames())
                  + " (use the field's database name, not its display name)"));
    }
    if (row.tables().isEmpty() && row.entityColumn().isEmpty()) {
      problems.add(MappingProblem.of(row, "maps no column; set contact, lead, account or entity"));
    }
    for (SourceTable table : row.tables()) {
      ColumnExpression expression = row.column(table).orElseThrow();
      checkExpression(row, table.logicalName(), expression, property).ifPresent(problems::add);
    }
    row.entityColumn()
        .filter(expression -> !expression.writable() && row.direction().inbound())
        .ifPresent(expression -> problems.add(notWritable(row, "entity", expression)));
    row.filter().ifPresent(filter -> row.tables().forEach(t -> checkFilter(row, t, filter).ifPresent(problems::add)));
  }

  private Optional<MappingProblem> checkExpression(
      FieldMapping row, String table, ColumnExpression expression, Optional<SpotlerProperty> property) {
    if (!expression.writable() && row.direction().inbound()) {
      return Optional.of(notWritable(row, table, expression));
    }
    Optional<String> problem =
        expression instanceof Column || expression instanceof RelatedColumn
            ? columnProblem(row, table, expression, property)
            : property.flatMap(p -> specialValueMismatch(expression, p));
    return problem.map(message -> MappingProblem.of(row, table + ": " + message));
  }

  private Optional<String> columnProblem(
      FieldMapping row, String table, ColumnExpression expression, Optional<SpotlerProperty> property) {
    ResolvedColumn column;
    try {
      column = columns.resolve(table, expression);
    } catch (UnresolvedColumnException e) {
      return Optional.of(e.getMessage());
    }
    if (row.direction().inbound() && column.type() == ColumnType.LOOKUP) {
      return Optional.of(
          "lookup column " + expression.text() + " cannot be written from Spotler; use direction ->");
    }
    Optional<String> notWritable = InboundConverter.notWritable(column.type());
    if (row.direction().inbound() && notWritable.isPresent()) {
      return Optional.of("column " + expression.text() + ": " + notWritable.get());
    }
    return property.flatMap(
        p ->
            TypeCompatibility.mismatch(p.type(), column.type())
                .map(
                    why ->
                        "column " + expression.text() + " (" + column.type() + ") cannot fill Spotler field '"
                            + p.name() + "' of type " + p.type() + "; " + why));
  }

  private Optional<String> specialValueMismatch(ColumnExpression expression, SpotlerProperty property) {
    if (expression instanceof Permissions || expression instanceof ListMembership) {
      return property.type() == SpotlerPropertyType.SET
          ? Optional.empty()
          : Optional.of(
              expression.text() + " fills a Spotler field of type set (like permissions), but '"
                  + property.name() + "' is of type " + property.type());
    }
    if (expression instanceof CustomerType) {
      return property.type().textual()
          ? Optional.empty()
          : Optional.of(
              "$CustomerType is text, but '" + property.name() + "' is of type " + property.type()
                  + "; map it to a text field");
    }
    return constantMismatch((Constant) expression, property);
  }

  private Optional<String> constantMismatch(Constant constant, SpotlerProperty property) {
    if (property.type() == SpotlerPropertyType.SET) {
      return TypeCompatibility.mismatch(property.type(), ColumnType.TEXT);
    }
    try {
      converter.constant(property.type(), constant.value());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          constant.text() + " does not fit Spotler field '" + property.name() + "' of type " + property.type()
              + ": " + e.getMessage());
    }
  }

  private static MappingProblem notWritable(FieldMapping row, String table, ColumnExpression expression) {
    String what =
        expression instanceof RelatedColumn
            ? "related column " + expression.text() + " belongs to another record and"
            : expression.text();
    return MappingProblem.of(
        row,
        table + ": " + what + " cannot be written from Spotler, but the direction is " + row.direction()
            + "; use direction ->");
  }

  private Optional<MappingProblem> checkFilter(FieldMapping row, SourceTable table, RowFilter filter) {
    try {
      ResolvedColumn column = columns.resolve(table.logicalName(), filter.column());
      return FilterValues.mismatch(column.type(), filter.value())
          .map(
              why ->
                  MappingProblem.of(
                      row,
                      "filter " + filter.text() + " on " + table.logicalName() + ": column "
                          + filter.column().text() + " is " + column.type() + "; " + why));
    } catch (UnresolvedColumnException e) {
      return Optional.of(
          MappingProblem.of(row, "filter " + filter.text() + " on " + table.logicalName() + ": " + e.getMessage()));
    }
  }

  private static void checkDuplicates(List<FieldMapping> rows, Set<MappingProblem> problems) {
    Map<String, FieldMapping> fieldOwners = new HashMap<>();
    Map<String, FieldMapping> inboundColumnOwners = new HashMap<>();
    for (FieldMapping row : rows) {
      for (SourceTable table : row.tables()) {
        FieldMapping earlier = fieldOwners.putIfAbsent(row.spotlerField() + "\n" + table, row);
        if (earlier != null) {
          problems.add(
              MappingProblem.of(
                  row,
                  "Spotler field '" + row.spotlerField() + "' is already mapped for " + table.logicalName()
                      + " by the row at " + earlier.location() + "; keep one row per field and table"));
        }
        ColumnExpression expression = row.column(table).orElseThrow();
        if (row.direction().inbound() && expression instanceof Column column) {
          FieldMapping writer = inboundColumnOwners.putIfAbsent(table + "\n" + column.name(), row);
          if (writer != null) {
            problems.add(
                MappingProblem.of(
                    row,
                    table.logicalName() + " column " + column.name() + " is already written from Spotler field '"
                        + writer.spotlerField() + "' (" + writer.location() + "); a column takes one field"));
          }
        }
      }
    }
  }
}
