package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spotlerconnector.mapping.ColumnExpression.Column;

/**
 * Maps Spotler values to the columns of Dataverse contact, lead and account rows, following the rows of a validated
 * mapping whose direction is {@code <-} or {@code <->} and whose expression is a column of the row; {@code
 * @map(permissions)} and {@code @map(list)} have flows of their own. Values convert by {@link InboundConverter}, with
 * the column details the Dataverse schema holds. Immutable and thread-safe.
 */
public final class InboundMapper {
  private final Map<SourceTable, List<ColumnWrite>> writes;
  private final InboundConverter converter;

  private record ColumnWrite(String spotlerField, SpotlerPropertyType type, ColumnMetadata column) {}

  private InboundMapper(Map<SourceTable, List<ColumnWrite>> writes, InboundConverter converter) {
    this.writes = writes;
    this.converter = converter;
  }

  /**
   * Validates the mapping against both schemas and compiles it.
   *
   * @param zone spotler.timeZone, see {@link InboundConverter#InboundConverter(ZoneId)}
   * @throws MappingException listing every problem when the mapping does not fit the schemas
   */
  public static InboundMapper create(
      List<FieldMapping> mapping, SpotlerSchema spotler, DataverseSchema dataverse, ZoneId zone) {
    List<MappingProblem> problems = new MappingValidator(spotler, dataverse).validate(mapping);
    if (!problems.isEmpty()) {
      throw new MappingException(problems);
    }
    Map<SourceTable, List<ColumnWrite>> writes = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      List<ColumnWrite> tableWrites = new ArrayList<>();
      for (FieldMapping row : mapping) {
        if (row.direction().inbound() && row.column(table).orElse(null) instanceof Column column) {
          tableWrites.add(
              new ColumnWrite(
                  row.spotlerField(),
                  spotler.property(row.spotlerField()).orElseThrow().type(),
                  dataverse.table(table.logicalName()).flatMap(t -> t.column(column.name())).orElseThrow()));
        }
      }
      writes.put(table, List.copyOf(tableWrites));
    }
    return new InboundMapper(writes, new InboundConverter(zone));
  }

  /** The Spotler fields this mapping writes to rows of {@code table}. */
  public Set<String> fields(SourceTable table) {
    Set<String> fields = new LinkedHashSet<>();
    writes.get(table).forEach(write -> fields.add(write.spotlerField()));
    return fields;
  }

  /**
   * The columns for these values of one row of {@code table}. Only fields present in {@code values} are written; a
   * field not mapped to the table is left out.
   *
   * @param values Spotler fields in Spotler value space, e.g. the merge's values to write to Dynamics 365
   */
  public InboundResult map(SourceTable table, ObjectNode values) {
    ObjectNode columns = JsonNodeFactory.instance.objectNode();
    for (ColumnWrite write : writes.get(table)) {
      JsonNode value = values.get(write.spotlerField());
      if (value == null) {
        continue;
      }
      try {
        JsonNode converted = converter.convert(write.spotlerField(), write.type(), write.column(), value);
        columns.set(write.column().name(), converted);
      } catch (InboundConversionException e) {
        return new InboundResult.Unconvertible(write.spotlerField(), e.getMessage());
      }
    }
    return new InboundResult.Mapped(columns);
  }
}
