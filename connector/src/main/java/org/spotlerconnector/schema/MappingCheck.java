package org.spotlerconnector.schema;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.mapping.ColumnExpression;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.MappingException;
import org.spotlerconnector.mapping.MappingProblem;
import org.spotlerconnector.mapping.MappingValidator;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.mapping.SpotlerSchema;

/**
 * The start-up check of a mapping: reads the Spotler account's contact properties and the Dataverse tables the mapping
 * uses, and compiles the mapping against them, or reports every problem at once, each at its place in the
 * configuration file.
 *
 * <p>A table the mapping uses that Dataverse does not have (such as {@code lead} in an environment without Sales) is
 * one problem, reported at the first row that uses it, rather than one per row; the rest of the mapping is still
 * checked without that table's columns.
 */
public final class MappingCheck {
  private static final Logger LOG = LoggerFactory.getLogger(MappingCheck.class);
  private static final Comparator<MappingProblem> IN_FILE_ORDER =
      Comparator.comparing((MappingProblem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column());

  private final DataverseSchemaReader dataverse;
  private final SpotlerSchemaReader spotler;
  private final ZoneId zone;

  /** @param zone the zone in which date-times become Spotler dates and are sent with an offset */
  public MappingCheck(DataverseSchemaReader dataverse, SpotlerSchemaReader spotler, ZoneId zone) {
    this.dataverse = Objects.requireNonNull(dataverse, "dataverse");
    this.spotler = Objects.requireNonNull(spotler, "spotler");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * Reads both schemas and compiles the mapping against them.
   *
   * @throws MappingException listing every problem, in the order of the configuration file
   * @throws org.spotlerconnector.dataverse.DataverseException when Dataverse refuses to show its metadata
   * @throws org.spotlerconnector.spotler.MailPlusException when Mail+ refuses to list the contact properties
   */
  public OutboundMapper check(List<FieldMapping> mapping) {
    return checkKeepingSchemas(mapping).outbound();
  }

  /**
   * The outbound mapper and the two schemas it was checked against (the Dataverse one caching the tables it read), so
   * that the inbound side is built from the same reads instead of reading both schemas again.
   */
  public record Checked(OutboundMapper outbound, SpotlerSchema spotler, LiveDataverseSchema dataverse) {}

  /** As {@link #check}, keeping the schemas read. */
  public Checked checkKeepingSchemas(List<FieldMapping> mapping) {
    SpotlerSchema spotlerSchema = spotler.read();
    LiveDataverseSchema dataverseSchema = new LiveDataverseSchema(dataverse);
    Set<SourceTable> missing = missingTables(mapping, dataverseSchema);
    List<MappingProblem> problems = new ArrayList<>();
    missing.forEach(table -> problems.add(missingTable(table, mapping)));
    problems.addAll(new MappingValidator(spotlerSchema, dataverseSchema).validate(withoutTables(mapping, missing)));
    if (!problems.isEmpty()) {
      problems.sort(IN_FILE_ORDER);
      throw new MappingException(problems);
    }
    OutboundMapper mapper = OutboundMapper.create(mapping, spotlerSchema, dataverseSchema, zone);
    LOG.atInfo().setMessage("The mapping fits both schemas").addKeyValue("rows", mapping.size()).log();
    return new Checked(mapper, spotlerSchema, dataverseSchema);
  }

  private static Set<SourceTable> missingTables(List<FieldMapping> mapping, LiveDataverseSchema dataverse) {
    Set<SourceTable> missing = EnumSet.noneOf(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      boolean used = mapping.stream().anyMatch(row -> row.tables().contains(table));
      if (used && dataverse.table(table.logicalName()).isEmpty()) {
        missing.add(table);
      }
    }
    return missing;
  }

  private static MappingProblem missingTable(SourceTable table, List<FieldMapping> mapping) {
    List<FieldMapping> uses = mapping.stream().filter(row -> row.tables().contains(table)).toList();
    FieldMapping firstUse = uses.get(0);
    String column = "a " + table.logicalName() + " column";
    String advice =
        uses.size() == 1
            ? "this row maps " + column + ": remove it"
            : "this row and " + (uses.size() - 1) + " more map " + column + ": remove them";
    return new MappingProblem(
        firstUse.location(),
        firstUse.spotlerField(),
        MissingTableException.message(table.logicalName()) + "; " + advice
            + ", or give the application user read access to the table");
  }

  /** The rows with the columns of missing tables taken out; a row left with nothing to map is dropped. */
  private static List<FieldMapping> withoutTables(List<FieldMapping> mapping, Set<SourceTable> missing) {
    if (missing.isEmpty()) {
      return mapping;
    }
    List<FieldMapping> rows = new ArrayList<>();
    for (FieldMapping row : mapping) {
      FieldMapping kept =
          new FieldMapping(
              row.spotlerField(),
              keep(row, SourceTable.CONTACT, missing),
              keep(row, SourceTable.LEAD, missing),
              keep(row, SourceTable.ACCOUNT, missing),
              row.entityColumn(),
              row.direction(),
              row.conflict(),
              row.filter(),
              row.location());
      boolean onlyMissingTables = !row.tables().isEmpty() && kept.tables().isEmpty() && kept.entityColumn().isEmpty();
      if (!onlyMissingTables) {
        rows.add(kept);
      }
    }
    return rows;
  }

  private static Optional<ColumnExpression> keep(FieldMapping row, SourceTable table, Set<SourceTable> missing) {
    return missing.contains(table) ? Optional.empty() : row.column(table);
  }
}
