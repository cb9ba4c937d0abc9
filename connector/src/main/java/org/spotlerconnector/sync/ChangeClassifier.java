package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.OutboundResult;
import org.spotlerconnector.mapping.SourceTable;

/**
 * Decides what a Dataverse row means for Spotler: an inactive row (statecode other than 0: inactive contact or account,
 * qualified or disqualified lead) or a Do Not Email row is removed as configured; a row a mapping filter excludes is
 * removed like an inactive one; any other row is mapped.
 */
final class ChangeClassifier {
  /** Columns the classifier reads besides the mapped ones. */
  static final Set<String> STATE_COLUMNS = RowState.COLUMNS;

  private final OutboundMapper mapper;
  private final OutboundSyncSettings settings;

  ChangeClassifier(OutboundMapper mapper, OutboundSyncSettings settings) {
    this.mapper = mapper;
    this.settings = settings;
  }

  OutboundAction classify(SourceTable table, ObjectNode row) {
    if (RowState.inactive(row)) {
      return new OutboundAction.Remove(settings.onInactive(), false, "the " + table.logicalName() + " is not active");
    }
    if (RowState.doNotEmail(row)) {
      return new OutboundAction.Remove(settings.onDoNotEmail(), false, "the " + table.logicalName() + " is set to Do Not Email");
    }
    OutboundResult result = mapper.map(table, row);
    if (result instanceof OutboundResult.Mapped mapped) {
      return new OutboundAction.Upsert(mapped.properties());
    }
    if (result instanceof OutboundResult.Excluded excluded) {
      return new OutboundAction.Remove(
          settings.onInactive(), false, "excluded by the mapping filter at " + excluded.location());
    }
    OutboundResult.Unmappable unmappable = (OutboundResult.Unmappable) result;
    return new OutboundAction.Reject(unmappable.spotlerField() + ": " + unmappable.reason());
  }

  OutboundAction deleted(SourceTable table) {
    return new OutboundAction.Remove(settings.onDelete(), true, "the " + table.logicalName() + " was deleted");
  }
}
