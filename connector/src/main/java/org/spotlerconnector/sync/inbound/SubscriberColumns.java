package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.spotlerconnector.config.InboundSyncConfig.CreateAs;
import org.spotlerconnector.config.InboundSyncConfig.NewSubscribersConfig;
import org.spotlerconnector.config.InboundSyncConfig.SourceColumn;
import org.spotlerconnector.mapping.ColumnExpression;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.InboundConverter;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerPropertyType;
import org.spotlerconnector.mapping.SpotlerSchema;
import org.spotlerconnector.mapping.SpotlerValueNormaliser;
import org.spotlerconnector.schema.TableMetadata;
import org.spotlerconnector.spotler.SpotlerContact;

/**
 * Which columns of the table new subscribers go to are filled from which Spotler fields: the mapping rows whose
 * column for that table ({@code contact}, {@code lead} or {@code entity}) is a column of the row. Values go from the
 * contact's properties to Spotler value space ({@link SpotlerValueNormaliser}) and on to the columns ({@link
 * InboundConverter}), as they do for linked contacts.
 *
 * <p>A created row gets every such column whatever the row's direction: the subscriber exists only in Spotler, and a
 * lead without the e-mail address it signed up with (mapped {@code ->} by default) would be of no use. An existing row
 * that matched gets only the columns mapped {@code <-} or {@code <->}, as any linked record would. Rows that name a
 * related column, a special value or a column Spotler cannot fill (a lookup, for instance) are left out. Immutable.
 */
final class SubscriberColumns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One column and the Spotler field that fills it. */
  private record Fill(SpotlerProperty field, ColumnMetadata column, boolean inbound) {}

  private final List<Fill> fills;
  private final List<Fill> matchFills;
  private final Map<String, JsonNode> source;
  private final SpotlerValueNormaliser normaliser;
  private final InboundConverter converter;

  private SubscriberColumns(
      List<Fill> fills, List<Fill> matchFills, Map<String, JsonNode> source, ZoneId zone) {
    this.fills = fills;
    this.matchFills = matchFills;
    this.source = source;
    this.normaliser = new SpotlerValueNormaliser(zone);
    this.converter = new InboundConverter(zone);
  }

  /**
   * @param table the table new subscribers go to, with its column details
   * @param zone spotler.timeZone
   * @throws IllegalArgumentException listing every problem: a column the table does not have, an entity row Spotler
   *     cannot fill, a {@code matchOn} column no mapping row fills, a source value the column does not take
   */
  static SubscriberColumns compile(
      TableMetadata table,
      NewSubscribersConfig config,
      List<FieldMapping> mapping,
      SpotlerSchema spotler,
      ZoneId zone) {
    InboundConverter converter = new InboundConverter(zone);
    Function<FieldMapping, Optional<ColumnExpression>> expression = expressionFor(config.createAs());
    List<String> problems = new ArrayList<>();
    Map<String, Fill> byColumn = new LinkedHashMap<>();
    for (FieldMapping row : mapping) {
      Optional<SpotlerProperty> field = spotler.property(row.spotlerField());
      if (expression.apply(row).orElse(null) instanceof Column column && field.isPresent()) {
        fill(table, row, field.get(), column, config.createAs() == CreateAs.ENTITY, converter, problems)
            .ifPresent(f -> byColumn.putIfAbsent(f.column().name(), f));
      }
    }
    List<Fill> matchFills = new ArrayList<>();
    if (config.createAs().findsExisting()) {
      for (String column : config.matchOn()) {
        Fill match = byColumn.get(column);
        if (match == null) {
          problems.add("sync.inbound.newSubscribers.matchOn: no mapping row fills " + table.logicalName() + " column "
              + column + " from a Spotler field, so there is no value to match on; map a field to it or match on"
              + " other columns");
        } else {
          matchFills.add(match);
        }
      }
    }
    Map<String, JsonNode> source = new LinkedHashMap<>();
    config.source().ifPresent(s -> sourceValue(table, s, converter, problems).ifPresent(v -> source.put(s.column(), v)));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "New subscribers cannot be written to table " + table.logicalName() + ":\n  " + String.join("\n  ", problems));
    }
    return new SubscriberColumns(List.copyOf(byColumn.values()), List.copyOf(matchFills), source, zone);
  }

  private static Function<FieldMapping, Optional<ColumnExpression>> expressionFor(CreateAs createAs) {
    return switch (createAs) {
      case LEAD -> row -> row.column(SourceTable.LEAD);
      case CONTACT -> row -> row.column(SourceTable.CONTACT);
      case ENTITY -> FieldMapping::entityColumn;
      case IGNORE -> row -> Optional.empty();
    };
  }

  /**
   * The fill for one mapping row; empty when Spotler cannot fill the column. That is a problem only for a row that
   * writes to Dataverse anyway and that nothing else has checked: an entity column, which {@code
   * org.spotlerconnector.mapping.MappingValidator} cannot check without the table.
   *
   * @param entity whether the column is a mapping row's entity column
   */
  private static Optional<Fill> fill(
      TableMetadata table,
      FieldMapping row,
      SpotlerProperty field,
      Column column,
      boolean entity,
      InboundConverter converter,
      List<String> problems) {
    String where = row.location() + ": mapping '" + row.spotlerField() + "': " + table.logicalName();
    Optional<ColumnMetadata> metadata = table.schema().column(column.name());
    if (metadata.isEmpty()) {
      problems.add(where + ": table " + table.logicalName() + " has no column " + column.name());
      return Optional.empty();
    }
    try {
      // A blank value converts to JSON null after the checks of whether the column can take the field at all.
      converter.convert(field.name(), field.type(), metadata.get(), NullNode.getInstance());
    } catch (IllegalArgumentException cannotFill) {
      if (entity && row.direction().inbound()) {
        problems.add(where + ": " + cannotFill.getMessage());
      }
      return Optional.empty();
    }
    return Optional.of(new Fill(field, metadata.get(), row.direction().inbound()));
  }

  private static Optional<JsonNode> sourceValue(
      TableMetadata table, SourceColumn source, InboundConverter converter, List<String> problems) {
    String where = "sync.inbound.newSubscribers.source: ";
    Optional<ColumnMetadata> column = table.schema().column(source.column());
    if (column.isEmpty()) {
      problems.add(where + "table " + table.logicalName() + " has no column " + source.column());
      return Optional.empty();
    }
    try {
      return Optional.of(
          converter.convert("source", SpotlerPropertyType.STRING, column.get(), TextNode.valueOf(source.value())));
    } catch (IllegalArgumentException e) {
      problems.add(where + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The values of one subscriber. Fields the contact has no value for are left out: a sign-up form asks for a few
   * fields, and one it did not ask must not clear what Dynamics 365 knows.
   *
   * @throws IllegalArgumentException naming the field (and column), never the value, when a value cannot be read or
   *     does not fit its column
   */
  SubscriberValues valuesOf(SpotlerContact contact) {
    ObjectNode spotlerValues =
        normaliser.normalise(contact.properties(), fills.stream().map(Fill::field).distinct().toList());
    Map<String, Written> written = new LinkedHashMap<>();
    for (Fill fill : fills) {
      JsonNode value = spotlerValues.get(fill.field().name());
      if (!isBlank(value)) {
        JsonNode columnValue = converter.convert(fill.field().name(), fill.field().type(), fill.column(), value);
        written.put(fill.column().name(), new Written(fill.field().name(), value, columnValue, fill.inbound()));
      }
    }
    return new SubscriberValues(written);
  }

  private static boolean isBlank(JsonNode value) {
    return value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty());
  }

  /** One column's value, and the Spotler field value it came from. */
  private record Written(String field, JsonNode spotlerValue, JsonNode columnValue, boolean inbound) {}

  /** What one subscriber writes: the row bodies, the values to match on, and the base the link starts from. */
  final class SubscriberValues {
    private final Map<String, Written> written;

    private SubscriberValues(Map<String, Written> written) {
      this.written = written;
    }

    /** Whether no mapped field has a value: there is nothing to write. */
    boolean isEmpty() {
      return written.isEmpty();
    }

    /** The body of a new row: every filled column, and the source column. */
    ObjectNode createBody() {
      ObjectNode body = body(false);
      source.forEach(body::set);
      return body;
    }

    /** The body that updates an existing row: the columns mapped {@code <-} or {@code <->} only. */
    ObjectNode updateBody() {
      return body(true);
    }

    /**
     * The Spotler values of the columns written, the base the three-way merge starts from.
     *
     * @param update whether the row was updated ({@link #updateBody}) rather than created
     */
    ObjectNode base(boolean update) {
      ObjectNode base = NODES.objectNode();
      written.values().stream()
          .filter(w -> !update || w.inbound())
          .forEach(w -> base.set(w.field(), w.spotlerValue()));
      return base;
    }

    /** The {@code matchOn} columns and their values, in {@code matchOn} order; empty when one has no value. */
    Optional<Map<ColumnMetadata, JsonNode>> matchValues() {
      Map<ColumnMetadata, JsonNode> values = new LinkedHashMap<>();
      for (Fill fill : matchFills) {
        Written value = written.get(fill.column().name());
        if (value == null) {
          return Optional.empty();
        }
        values.put(fill.column(), value.columnValue());
      }
      return Optional.of(values);
    }

    private ObjectNode body(boolean inboundOnly) {
      ObjectNode body = NODES.objectNode();
      written.forEach((column, value) -> {
        if (!inboundOnly || value.inbound()) {
          body.set(column, value.columnValue());
        }
      });
      return body;
    }
  }
}
