package org.spotlerconnector.sync.lists;

import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.spotler.audience.AudiencesNotAvailableException;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;

/**
 * Whether both sides can sync marketing lists: Dataverse has the marketing list table (Dynamics 365 Sales or
 * Marketing; Power Apps alone has none, dataverse-api.md §4.1) with the connector's sync flag column on it, and the
 * Spotler product has audiences (Automation or eCommerce; spotler-api.md §5). Three reads, none of which changes
 * anything. Once everything was found it is not asked again; a missing part is asked for again each time, so that
 * installing it takes effect without a restart. Thread-safe.
 */
final class ListCapabilities {
  /** An audience id no one uses: reading it answers 404 where audiences exist and 403 where they do not. */
  private static final String PROBE_AUDIENCE = "spotler-connector-capability-check";

  private final DataverseClient dataverse;
  private final SpotlerAudiences audiences;
  private final String flagColumn;
  private volatile boolean available;

  ListCapabilities(DataverseClient dataverse, SpotlerAudiences audiences, String flagColumn) {
    this.dataverse = dataverse;
    this.audiences = audiences;
    this.flagColumn = flagColumn;
  }

  /** Why marketing lists cannot be synced here, in words for an administrator; empty when they can. */
  Optional<String> missing() {
    if (available) {
      return Optional.empty();
    }
    Optional<String> missing = dataverseMissing().or(this::spotlerMissing);
    available = missing.isEmpty();
    return missing;
  }

  private Optional<String> dataverseMissing() {
    String list = "EntityDefinitions(LogicalName='list')";
    if (!exists(list + "?$select=LogicalName")) {
      return Optional.of("This Dynamics 365 environment has no marketing lists: they come with Dynamics 365 Sales or"
          + " Marketing, which Power Apps alone does not have. Use Add to List and Remove from List jobs instead.");
    }
    if (!exists(list + "/Attributes(LogicalName='" + flagColumn + "')?$select=LogicalName")) {
      return Optional.of("The marketing list table has no column " + flagColumn + " to mark lists for sync: run the"
          + " connector's install command.");
    }
    return Optional.empty();
  }

  private Optional<String> spotlerMissing() {
    try {
      audiences.find(PROBE_AUDIENCE);
      return Optional.empty();
    } catch (AudiencesNotAvailableException notAvailable) {
      return Optional.of(AudiencesNotAvailableException.EXPLANATION);
    }
  }

  private boolean exists(String metadataUrl) {
    try {
      dataverse.get(metadataUrl);
      return true;
    } catch (NotFoundException missing) {
      return false;
    }
  }
}
