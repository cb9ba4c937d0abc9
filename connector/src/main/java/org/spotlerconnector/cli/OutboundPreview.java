package org.spotlerconnector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.spotlerconnector.config.OutboundSyncConfig;
import org.spotlerconnector.config.RemovalAction;
import org.spotlerconnector.mapping.ColumnExpression;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.OutboundResult;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sync.RowState;

/**
 * The Dynamics 365 to Spotler half of a record's preview: the Spotler fields and values the outbound mapper makes of
 * the row, or why the sync would not send it, in the order the sync decides (inactive, Do Not Email, a filter, a value
 * that cannot be mapped).
 */
final class OutboundPreview {
  private final OutboundMapper mapper;
  private final OutboundSyncConfig settings;
  private final List<FieldMapping> mapping;
  private final PreviewText text;

  OutboundPreview(OutboundMapper mapper, OutboundSyncConfig settings, List<FieldMapping> mapping, PreviewText text) {
    this.mapper = mapper;
    this.settings = settings;
    this.mapping = mapping;
    this.text = text;
  }

  void print(PrintWriter out, SourceTable table, ObjectNode row) {
    out.println("  Dynamics 365 -> Spotler:");
    String name = table.logicalName();
    if (RowState.inactive(row)) {
      notSent(out, "the " + name + " is not active (statecode " + row.path("statecode").asText() + ")",
          "onInactive", settings.onInactive());
      return;
    }
    if (RowState.doNotEmail(row)) {
      notSent(out, "the " + name + " is set to Do Not Email", "onDoNotEmail", settings.onDoNotEmail());
      return;
    }
    OutboundResult result = mapper.map(table, row);
    if (result instanceof OutboundResult.Excluded excluded) {
      notSent(out, "the filter " + excluded.filter().text() + " at " + excluded.location() + " excludes it",
          "onInactive", settings.onInactive());
    } else if (result instanceof OutboundResult.Unmappable unmappable) {
      out.printf("    not sent: a value cannot be mapped: %s: %s; the record is parked until it changes%n",
          unmappable.spotlerField(), unmappable.reason());
    } else {
      ObjectNode properties = ((OutboundResult.Mapped) result).properties();
      properties.fieldNames().forEachRemaining(field -> out.printf("    %s %s%n", text.field(field),
          text.value(properties.get(field))));
      ownFlows(out, table);
    }
  }

  private void notSent(PrintWriter out, String reason, String setting, RemovalAction action) {
    out.printf("    not sent: %s; %s (sync.outbound.%s: %s)%n", reason, switch (action) {
      case ANONYMIZE -> "its Spotler contact, if it has one, is anonymised";
      case CLEAR_PERMISSIONS -> "its Spotler contact, if it has one, has its permissions cleared";
      case IGNORE -> "its Spotler contact, if it has one, is left as it is";
    }, setting, action.configName());
  }

  /** The {@code @map(...)} fields of the table: synced by flows of their own, which the preview does not show. */
  private void ownFlows(PrintWriter out, SourceTable table) {
    for (FieldMapping row : mapping) {
      ColumnExpression column = row.column(table).orElse(null);
      if (column instanceof ColumnExpression.Permissions || column instanceof ColumnExpression.ListMembership) {
        out.printf("    %s %s: synced by its own flow, not shown%n", text.field(row.spotlerField()), column.text());
      }
    }
  }
}
