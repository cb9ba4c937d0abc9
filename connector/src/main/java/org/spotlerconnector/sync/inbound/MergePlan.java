package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.mapping.ColumnExpression;
import org.spotlerconnector.mapping.DataverseSchema;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.InboundMapper;
import org.spotlerconnector.mapping.InboundResult;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.OutboundResult;
import org.spotlerconnector.mapping.RequiredSelect;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerSchema;
import org.spotlerconnector.merge.MergeField;

/**
 * A validated mapping compiled for the merge of contact, lead and account rows with their Spotler contacts: per table
 * the fields that take part (every row with a column, related column or special value for it, and, when permissions
 * are synced, the {@code @map(permissions)} row, whose values are the Spotler Permission rows; {@code @map(list)} has
 * a flow of its own), how to read their Dataverse values in Spotler value space, and how to write Spotler values back
 * to columns. Immutable and thread-safe.
 *
 * <p>The Dataverse side of a {@code <-} field is read too, although it never flows to Spotler: the merge needs it to
 * see whether Dataverse already holds Spotler's value, and to clear a column when Spotler clears the field.
 */
public final class MergePlan {
  private final Map<SourceTable, TableFields> tables;
  private final OutboundMapper reader;
  private final InboundMapper writer;

  private record TableFields(
      List<MergeField> fields, List<SpotlerProperty> properties, Set<String> bothWays,
      Optional<MergeField> permissions) {}

  private MergePlan(Map<SourceTable, TableFields> tables, OutboundMapper reader, InboundMapper writer) {
    this.tables = tables;
    this.reader = reader;
    this.writer = writer;
  }

  /** Whether the mapping lets anything flow from Spotler to Dataverse: a row mapped {@code <-} or {@code <->}. */
  public static boolean readsSpotler(List<FieldMapping> mapping) {
    return mapping.stream().anyMatch(row -> row.direction().inbound());
  }

  /**
   * The plan without the permissions, for a connection whose Spotler Permission table is not installed.
   *
   * @param zone spotler.timeZone
   * @throws org.spotlerconnector.mapping.MappingException when the mapping does not fit the schemas
   */
  public static MergePlan create(
      List<FieldMapping> mapping, SpotlerSchema spotler, DataverseSchema dataverse, ZoneId zone) {
    return create(mapping, spotler, dataverse, zone, false);
  }

  /**
   * The plan with the {@code @map(permissions)} rows, whose Dataverse values the caller reads from the Spotler
   * Permission rows ({@link #permissionField}).
   *
   * @param zone spotler.timeZone
   * @throws org.spotlerconnector.mapping.MappingException when the mapping does not fit the schemas
   */
  public static MergePlan withPermissions(
      List<FieldMapping> mapping, SpotlerSchema spotler, DataverseSchema dataverse, ZoneId zone) {
    return create(mapping, spotler, dataverse, zone, true);
  }

  private static MergePlan create(
      List<FieldMapping> mapping, SpotlerSchema spotler, DataverseSchema dataverse, ZoneId zone,
      boolean permissions) {
    Map<SourceTable, TableFields> tables = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      List<MergeField> fields = new ArrayList<>();
      List<SpotlerProperty> properties = new ArrayList<>();
      Set<String> bothWays = new LinkedHashSet<>();
      Optional<MergeField> permissionField = Optional.empty();
      for (FieldMapping row : mapping) {
        Optional<ColumnExpression> expression = row.column(table);
        boolean isPermissions = expression.filter(ColumnExpression.Permissions.class::isInstance).isPresent();
        if (isPermissions && (!permissions || permissionField.isPresent())) {
          continue; // not synced, or a second row for the same permissions
        }
        if (expression.filter(e -> !(e instanceof ColumnExpression.ListMembership)).isPresent()) {
          fields.add(MergeField.of(row));
          properties.add(spotler.property(row.spotlerField()).orElseThrow());
          if (row.direction() == Direction.BOTH) {
            bothWays.add(row.spotlerField());
          }
          if (isPermissions) {
            permissionField = Optional.of(MergeField.of(row));
          }
        }
      }
      tables.put(table, new TableFields(
          List.copyOf(fields), List.copyOf(properties), Set.copyOf(bothWays), permissionField));
    }
    OutboundMapper reader = OutboundMapper.create(readable(mapping), spotler, dataverse, zone);
    InboundMapper writer = InboundMapper.create(mapping, spotler, dataverse, zone);
    return new MergePlan(tables, reader, writer);
  }

  /** The fields of rows of {@code table} that take part in the merge, with their directions and conflict rules. */
  public List<MergeField> fields(SourceTable table) {
    return tables.get(table).fields();
  }

  /** The Spotler properties of {@link #fields}, with their types. */
  public List<SpotlerProperty> properties(SourceTable table) {
    return tables.get(table).properties();
  }

  /** The fields mapped {@code <->} for rows of {@code table}. */
  public Set<String> bothWayFields(SourceTable table) {
    return tables.get(table).bothWays();
  }

  /** The field of rows of {@code table} filled from the Spotler Permission rows, when permissions are synced. */
  public Optional<MergeField> permissionField(SourceTable table) {
    return tables.get(table).permissions();
  }

  /** Whether any field of {@code table} flows from Spotler to Dataverse. */
  public boolean writesToDataverse(SourceTable table) {
    return fields(table).stream().anyMatch(field -> field.direction().inbound());
  }

  /** A row's values in Spotler value space, every merged field included; or why the row is not synced. */
  public OutboundResult dataverseValues(SourceTable table, ObjectNode row) {
    return reader.map(table, row);
  }

  /** What to read of a row of {@code table} for {@link #dataverseValues}. */
  public RequiredSelect requiredSelect(SourceTable table) {
    return reader.requiredSelect(table);
  }

  /** The columns that take these Spotler values, as an update body. */
  public InboundResult columns(SourceTable table, ObjectNode spotlerValues) {
    return writer.map(table, spotlerValues);
  }

  /** The mapping with its {@code <-} rows read as well, so that the outbound mapper gives their Dataverse values. */
  private static List<FieldMapping> readable(List<FieldMapping> mapping) {
    return mapping.stream()
        .map(
            row ->
                row.direction() != Direction.TO_DATAVERSE
                    ? row
                    : new FieldMapping(
                        row.spotlerField(),
                        row.contactColumn(),
                        row.leadColumn(),
                        row.accountColumn(),
                        row.entityColumn(),
                        Direction.BOTH,
                        row.conflict(),
                        row.filter(),
                        row.location()))
        .toList();
  }
}
