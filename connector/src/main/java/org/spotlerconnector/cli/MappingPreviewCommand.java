package org.spotlerconnector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.RequiredSelect;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.schema.DataverseSchemaReader;
import org.spotlerconnector.schema.MappingCheck;
import org.spotlerconnector.schema.SpotlerSchemaReader;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.sync.inbound.MergePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code mapping preview}: what the sync would send each way for a few real records, read from both services and
 * written nowhere: not to Dataverse, not to Spotler, not to the store (which it does not open) and not to the log.
 * The values go to standard output only: the administrator running it may see them.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = {
        "Shows, for a few real records, what the sync would send each way, and writes nothing anywhere: the Spotler"
            + " fields and values made of each Dataverse row (or why it would not be sent), and for the fields mapped"
            + " <- or <-> the columns and values the linked Spotler contact would write, and which differ.",
        "Values are printed to standard output, never logged. Exits " + ConnectorMain.EXIT_CONFIG
            + " with every problem listed when the mapping does not fit the schemas."})
final class MappingPreviewCommand extends ConnectorMain.WithConfig implements Callable<Integer> {
  private static final int MAX_COUNT = 100;

  @Option(names = "--table", paramLabel = "contact|lead|account",
      description = "Only this table (default: every table the sync sends).")
  String table;

  @Option(names = "--count", paramLabel = "<n>", defaultValue = "3",
      description = "Active rows per table, the first Dataverse returns (default: ${DEFAULT-VALUE}, at most "
          + MAX_COUNT + ").")
  int count;

  @Option(names = "--id", paramLabel = "<row id>",
      description = "Preview this row instead of the first active ones; repeat for more.")
  List<String> ids = new ArrayList<>();

  @Override
  public Integer call() {
    ConnectorConfig config = loadConfig();
    List<SourceTable> tables = tables(config);
    List<UUID> rowIds = rowIds();
    if (count < 1 || count > MAX_COUNT) {
      throw new ParameterException(spec.commandLine(), "--count must be 1 to " + MAX_COUNT);
    }
    DataverseClient dataverse = DataverseClient.create(Connector.dataverseSettings(config.dataverse()));
    MailPlusClient spotler = MailPlusClient.create(Connector.spotlerConfig(config.spotler()));
    ZoneId zone = config.spotler().timeZone();
    MappingCheck.Checked checked =
        new MappingCheck(new DataverseSchemaReader(dataverse), new SpotlerSchemaReader(spotler), zone)
            .checkKeepingSchemas(config.mapping());
    OutboundMapper mapper = checked.outbound();
    Optional<MergePlan> plan = mergePlan(config, checked);
    PreviewText text = PreviewText.forMapping(config.mapping());
    Preview preview = new Preview(spec.commandLine().getOut(), new PreviewRows(dataverse), count, mapper, plan,
        new OutboundPreview(mapper, config.sync().outbound(), config.mapping(), text),
        plan.map(p -> InboundPreview.of(p, spotler, zone, text))
            .orElseGet(() -> InboundPreview.off(whyNoInbound(config), spotler, zone, text)));
    PrintWriter out = preview.out();
    out.println("What a sync would send each way; nothing is written.");
    if (rowIds.isEmpty()) {
      tables.forEach(preview::firstActive);
    } else {
      preview.rows(tables, rowIds);
    }
    if (plan.isPresent()) {
      out.printf("%nA value that differs is written to Dynamics 365 only when Spotler changed it since both sides last"
          + " agreed (kept in the store,%nwhich the preview does not read); when both changed it, the field's conflict"
          + " rule decides. A record never synced keeps its%nDynamics 365 values, except in fields mapped <-, which"
          + " take Spotler's value when it is not empty.%n");
    }
    out.flush();
    return 0;
  }

  /** One run of the preview: what it reads with and where it prints. */
  private record Preview(PrintWriter out, PreviewRows reader, int count, OutboundMapper mapper,
      Optional<MergePlan> plan, OutboundPreview outbound, InboundPreview inbound) {

    void firstActive(SourceTable table) {
      List<ObjectNode> rows = reader.firstActive(table, select(table), count);
      out.printf("%n%s: the first %d active rows, %d found%n", table.logicalName(), count, rows.size());
      rows.forEach(row -> record(table, row));
    }

    /** The rows with these ids, in their order, each from the first of the tables that has it. */
    void rows(List<SourceTable> tables, List<UUID> ids) {
      Map<UUID, SourceTable> tableOf = new HashMap<>();
      Map<UUID, ObjectNode> found = new HashMap<>();
      for (SourceTable table : tables) {
        reader.byIds(table, select(table), ids).forEach((id, row) -> {
          if (found.putIfAbsent(id, row) == null) {
            tableOf.put(id, table);
          }
        });
      }
      for (UUID id : ids) {
        if (found.containsKey(id)) {
          record(tableOf.get(id), found.get(id));
        } else {
          out.printf("%n%s: no %s has this id%n", id,
              String.join(" or ", tables.stream().map(SourceTable::logicalName).toList()));
        }
      }
    }

    /** Every column either direction reads. */
    private RequiredSelect select(SourceTable table) {
      return PreviewRows.union(plan.isEmpty()
          ? List.of(mapper.requiredSelect(table))
          : List.of(mapper.requiredSelect(table), plan.get().requiredSelect(table)));
    }

    private void record(SourceTable table, ObjectNode row) {
      out.printf("%n%s %s%n", table.logicalName(), row.path(table.primaryIdColumn()).asText());
      outbound.print(out, table, row);
      inbound.print(out, table, row);
    }
  }

  /** The compiled two-way mapping, when the connector would read Spotler's changes; read as the connector reads it. */
  private static Optional<MergePlan> mergePlan(ConnectorConfig config, MappingCheck.Checked schemas) {
    if (!config.sync().inbound().enabled() || !MergePlan.readsSpotler(config.mapping())) {
      return Optional.empty();
    }
    return Optional.of(
        MergePlan.create(config.mapping(), schemas.spotler(), schemas.dataverse(), config.spotler().timeZone()));
  }

  private static String whyNoInbound(ConnectorConfig config) {
    return config.sync().inbound().enabled()
        ? "no mapping row is <- or <->"
        : "sync.inbound.enabled is false";
  }

  /** The table asked for, or every table the sync sends. */
  private List<SourceTable> tables(ConnectorConfig config) {
    if (table == null) {
      return Arrays.stream(SourceTable.values()).filter(config.sync().outbound().tables()::enabled).toList();
    }
    SourceTable asked = Arrays.stream(SourceTable.values())
        .filter(t -> t.logicalName().equals(table.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new ParameterException(spec.commandLine(),
            "--table takes contact, lead or account, not '" + table + "'"));
    if (!config.sync().outbound().tables().enabled(asked)) {
      throw new ParameterException(spec.commandLine(), "the sync does not send " + asked.logicalName()
          + " rows (sync.outbound.tables." + asked.logicalName() + " is false)");
    }
    return List.of(asked);
  }

  private List<UUID> rowIds() {
    List<UUID> parsed = new ArrayList<>();
    for (String id : ids) {
      try {
        parsed.add(UUID.fromString(id.strip()));
      } catch (IllegalArgumentException notAGuid) {
        throw new ParameterException(spec.commandLine(), "--id takes a row id (a GUID), not '" + id + "'");
      }
    }
    return parsed;
  }
}
