package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Dataverse rows of contact, lead and account to Spotler contact properties, following the rows of a validated
 * mapping whose direction is {@code ->} or {@code <->}. Immutable and thread-safe.
 *
 * <p>Rows are Web API rows as {@link ObjectNode}s: lookups as {@code _x_value}, related rows expanded as nested objects
 * under the navigation property, choice labels (when requested) as {@code x@OData.Community.Display.V1.FormattedValue}
 * annotations. Read them with {@link #requiredSelect(SourceTable)}.
 *
 * <p>Conversions by Spotler field type:
 *
 * <ul>
 *   <li>text fields ({@code string}, {@code email}, {@code mobNr}, {@code postcode}): text as is; a choice as its label
 *       (the number when the row has no label); yes/no as {@code true}/{@code false}; numbers in plain notation;
 *       date-times as ISO-8601 with offset;
 *   <li>{@code gender}: choice 1 as {@code M}, 2 as {@code F}; text M/male or F/female; anything else clears it;
 *   <li>{@code int}: whole numbers and choice values; yes/no as 1/0;
 *   <li>{@code money}: the amount as a JSON number (decimal, not cents);
 *   <li>{@code date} and {@code birthdate}: {@code YYYY-MM-DD}; a date-time becomes its date in the configured zone;
 *   <li>{@code dateTime}: ISO-8601 with offset in the configured zone, e.g. {@code 2024-05-01T10:00:00+02:00}.
 * </ul>
 *
 * <p>An empty column clears its field ({@code ""} for text fields, {@code null} for the others); a column the row does
 * not carry leaves its field out, so partial rows update only what they hold.
 */
public final class OutboundMapper {
  private final Map<SourceTable, TablePlan> plans;

  private OutboundMapper(Map<SourceTable, TablePlan> plans) {
    this.plans = plans;
  }

  /**
   * Validates the mapping against both schemas and compiles it.
   *
   * @param zone the time zone in which date-times become dates and are shown with an offset
   * @throws MappingException listing every problem when the mapping does not fit the schemas
   */
  public static OutboundMapper create(
      List<FieldMapping> mapping, SpotlerSchema spotler, DataverseSchema dataverse, ZoneId zone) {
    List<MappingProblem> problems = new MappingValidator(spotler, dataverse).validate(mapping);
    if (!problems.isEmpty()) {
      throw new MappingException(problems);
    }
    ColumnResolver resolver = new ColumnResolver(dataverse);
    ValueConverter converter = new ValueConverter(zone);
    Map<SourceTable, TablePlan> plans = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      plans.put(table, TablePlan.compile(table, mapping, spotler, resolver, converter));
    }
    return new OutboundMapper(plans);
  }

  /** The Spotler properties for one row of {@code table}, or why the row is not to be synced. */
  public OutboundResult map(SourceTable table, ObjectNode row) {
    return plans.get(table).map(row);
  }

  /** What to read from {@code table} for this mapping: {@code $select}, {@code $expand} and whether labels. */
  public RequiredSelect requiredSelect(SourceTable table) {
    return plans.get(table).requiredSelect();
  }
}
