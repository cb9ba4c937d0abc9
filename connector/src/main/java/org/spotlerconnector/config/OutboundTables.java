package org.spotlerconnector.config;

import org.spotlerconnector.mapping.SourceTable;

/** Which Dataverse tables are synced to Spotler; all three unless switched off. */
public record OutboundTables(boolean contact, boolean lead, boolean account) {
  public static final OutboundTables ALL = new OutboundTables(true, true, true);

  public boolean enabled(SourceTable table) {
    return switch (table) {
      case CONTACT -> contact;
      case LEAD -> lead;
      case ACCOUNT -> account;
    };
  }
}
