package org.spotlerconnector.jobs;

import org.spotlerconnector.mapping.SourceTable;

/**
 * The contact, account or lead a job is about. Its row id is the contact's {@code externalId} in Spotler.
 */
public record JobRecord(SourceTable table, String id) {
  String entitySet() {
    return switch (table) {
      case CONTACT -> "contacts";
      case ACCOUNT -> "accounts";
      case LEAD -> "leads";
    };
  }

  String logicalName() {
    return table.name().toLowerCase(java.util.Locale.ROOT);
  }
}
