package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.Constant;
import org.spotlerconnector.mapping.ColumnExpression.CustomerType;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;
import org.spotlerconnector.mapping.ColumnResolver.UnresolvedColumnException;

/** The outbound mapping of one table, compiled from a validated mapping: what to read, convert and check. */
final class TablePlan {
  private final List<FieldRule> fields;
  private final List<FilterRule> filters;
  private final RequiredSelect select;
  private final ValueConverter converter;

  private TablePlan(
      List<FieldRule> fields, List<FilterRule> filters, RequiredSelect select, ValueConverter converter) {
    this.fields = fields;
    this.filters = filters;
    this.select = select;
    this.converter = converter;
  }

  /** One Spotler field: a fixed value, or a column converted to the field's type. */
  private sealed interface FieldRule {
    String spotlerField();
  }

  private record FixedValue(String spotlerField, JsonNode value) implements FieldRule {}

  private record ColumnValue(String spotlerField, SpotlerPropertyType type, ColumnReader reader)
      implements FieldRule {}

  private record FilterRule(RowFilter filter, SourceLocation location, ColumnReader reader) {}

  static TablePlan compile(
      SourceTable table,
      List<FieldMapping> rows,
      SpotlerSchema spotler,
      ColumnResolver resolver,
      ValueConverter converter) {
    List<FieldRule> fields = new ArrayList<>();
    List<FilterRule> filters = new ArrayList<>();
    for (FieldMapping row : rows) {
      Optional<ColumnExpression> expression = row.column(table);
      if (expression.isEmpty()) {
        continue;
      }
      row.filter()
          .ifPresent(f -> filters.add(new FilterRule(f, row.location(), reader(resolver, table, f.column()))));
      if (row.direction().outbound()) {
        SpotlerPropertyType type = spotler.property(row.spotlerField()).orElseThrow().type();
        fieldRule(table, row.spotlerField(), type, expression.get(), resolver, converter).ifPresent(fields::add);
      }
    }
    return new TablePlan(
        List.copyOf(fields), List.copyOf(filters), requiredSelect(table, fields, filters), converter);
  }

  private static Optional<FieldRule> fieldRule(
      SourceTable table,
      String field,
      SpotlerPropertyType type,
      ColumnExpression expression,
      ColumnResolver resolver,
      ValueConverter converter) {
    if (expression instanceof Column || expression instanceof RelatedColumn) {
      return Optional.of(new ColumnValue(field, type, reader(resolver, table, expression)));
    }
    if (expression instanceof CustomerType) {
      return Optional.of(new FixedValue(field, TextNode.valueOf(table.customerType())));
    }
    if (expression instanceof Constant constant) {
      return Optional.of(new FixedValue(field, converter.constant(type, constant.value())));
    }
    // @map(permissions) and @map(list) are synced by their own flows, not as plain properties.
    return Optional.empty();
  }

  private static ColumnReader reader(ColumnResolver resolver, SourceTable table, ColumnExpression expression) {
    try {
      return new ColumnReader(resolver.resolve(table.logicalName(), expression));
    } catch (UnresolvedColumnException e) {
      throw new IllegalStateException("a validated mapping has an unknown column. Indicates a bug.", e);
    }
  }

  private static RequiredSelect requiredSelect(
      SourceTable table, List<FieldRule> fields, List<FilterRule> filters) {
    TreeSet<String> columns = new TreeSet<>();
    TreeMap<String, SortedSet<String>> expand = new TreeMap<>();
    columns.add(table.primaryIdColumn());
    boolean formattedValues = false;
    List<ColumnReader> readers = new ArrayList<>();
    for (FieldRule field : fields) {
      if (field instanceof ColumnValue value) {
        readers.add(value.reader());
        formattedValues |= needsLabel(value.type(), value.reader().column().type());
      }
    }
    for (FilterRule filter : filters) {
      readers.add(filter.reader());
      formattedValues |= filter.reader().column().type() == ColumnType.CHOICE;
    }
    for (ColumnReader reader : readers) {
      ResolvedColumn column = reader.column();
      if (column.navigationProperty().isPresent()) {
        expand.computeIfAbsent(column.navigationProperty().get(), n -> new TreeSet<>()).add(column.jsonProperty());
      } else {
        columns.add(column.jsonProperty());
      }
    }
    return new RequiredSelect(columns, expand, formattedValues);
  }

  private static boolean needsLabel(SpotlerPropertyType target, ColumnType source) {
    boolean choice = source == ColumnType.CHOICE || source == ColumnType.MULTI_CHOICE;
    return choice && (target.textual() || target == SpotlerPropertyType.GENDER);
  }

  RequiredSelect requiredSelect() {
    return select;
  }

  OutboundResult map(ObjectNode row) {
    for (FilterRule rule : filters) {
      Optional<ColumnReader.Value> value = rule.reader().read(row);
      JsonNode raw = value.map(ColumnReader.Value::raw).orElse(NullNode.getInstance());
      String formatted = value.map(ColumnReader.Value::formatted).orElse(null);
      if (!FilterValues.matches(raw, formatted, rule.filter().value())) {
        return new OutboundResult.Excluded(rule.filter(), rule.location());
      }
    }
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    for (FieldRule field : fields) {
      if (field instanceof FixedValue fixed) {
        properties.set(fixed.spotlerField(), fixed.value());
      } else if (field instanceof ColumnValue column) {
        Optional<ColumnReader.Value> value = column.reader().read(row);
        if (value.isPresent()) {
          try {
            properties.set(
                column.spotlerField(),
                converter.convert(
                    column.type(), column.reader().column().type(), value.get().raw(), value.get().formatted()));
          } catch (IllegalArgumentException e) {
            return new OutboundResult.Unmappable(column.spotlerField(), e.getMessage());
          }
        }
      }
    }
    return new OutboundResult.Mapped(properties);
  }
}
