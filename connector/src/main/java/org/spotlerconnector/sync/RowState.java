package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Whether a Dataverse row of contact, lead or account may have its Spotler contact: an inactive row (statecode other
 * than 0: an inactive contact or account, a qualified or disqualified lead) or a Do Not Email row may not. Both flows
 * ask: the outbound one removes such a contact, the inbound one leaves it alone.
 */
public final class RowState {
  /** The columns to read for these checks, besides the mapped ones. */
  public static final Set<String> COLUMNS = Set.of("statecode", "donotemail");

  private RowState() {}

  public static boolean inactive(ObjectNode row) {
    JsonNode state = row.get("statecode");
    return state != null && state.isNumber() && state.asInt() != 0;
  }

  public static boolean doNotEmail(ObjectNode row) {
    return row.path("donotemail").asBoolean(false);
  }

  /** Neither inactive nor Do Not Email. */
  public static boolean mailable(ObjectNode row) {
    return !inactive(row) && !doNotEmail(row);
  }
}
