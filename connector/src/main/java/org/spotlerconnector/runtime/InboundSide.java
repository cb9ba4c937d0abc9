package org.spotlerconnector.runtime;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.spotlerconnector.config.ConfigException;
import org.spotlerconnector.config.ConfigProblem;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.mapping.SourceLocation;
import org.spotlerconnector.mapping.SpotlerSchema;
import org.spotlerconnector.permissions.Permissions;
import org.spotlerconnector.schema.LiveDataverseSchema;
import org.spotlerconnector.schema.MappingCheck;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.sync.TwoWayCheck;
import org.spotlerconnector.sync.inbound.InboundSync;
import org.spotlerconnector.sync.inbound.InboundSyncSettings;
import org.spotlerconnector.sync.inbound.LinkedMerge;
import org.spotlerconnector.sync.inbound.MergePlan;
import org.spotlerconnector.sync.inbound.NewSubscriberHandler;
import org.spotlerconnector.sync.inbound.NewSubscribers;
import org.spotlerconnector.sync.inbound.SpotlerEditCheck;

/**
 * The Spotler-to-Dynamics side of a connection, when {@code sync.inbound.enabled} is on and the mapping has a row
 * mapped {@code <-} or {@code <->}: the inbound sync, and the check that keeps the outbound flow from overwriting
 * Spotler edits of two-way fields. Built from the schemas the mapping check read and found the mapping to fit.
 */
record InboundSide(InboundSync sync, TwoWayCheck twoWayCheck) {

  /**
   * @param schemas what the mapping check read
   * @param permissions the Spotler Permission rows, when permissions are synced
   * @throws ConfigException when new subscribers cannot be created as configured (a missing table, a column that does
   *     not fit)
   */
  static Optional<InboundSide> of(
      ConnectorConfig config, MappingCheck.Checked schemas, DataverseClient dataverse, MailPlusClient spotler,
      Store store, Optional<Permissions> permissions, Clock clock) {
    if (!config.sync().inbound().enabled() || !MergePlan.readsSpotler(config.mapping())) {
      return Optional.empty();
    }
    ZoneId zone = config.spotler().timeZone();
    String connectionId = config.connection().id();
    SpotlerSchema spotlerSchema = schemas.spotler();
    LiveDataverseSchema dataverseSchema = schemas.dataverse();
    MergePlan plan = permissions.isPresent()
        ? MergePlan.withPermissions(config.mapping(), spotlerSchema, dataverseSchema, zone)
        : MergePlan.create(config.mapping(), spotlerSchema, dataverseSchema, zone);
    LinkedMerge merge = new LinkedMerge(connectionId, dataverse, spotler, store, plan, permissions, zone, clock);
    NewSubscriberHandler newSubscribers;
    try {
      newSubscribers = NewSubscribers.create(
          new NewSubscribers.Settings(
              connectionId, config.sync().inbound().newSubscribers(), config.mapping(), spotlerSchema, zone),
          dataverseSchema::metadata, dataverse, spotler, store, clock);
    } catch (IllegalArgumentException doesNotFit) {
      throw new ConfigException(List.of(new ConfigProblem(
          SourceLocation.startOf("configuration"), "sync.inbound.newSubscribers", doesNotFit.getMessage())));
    }
    InboundSync sync = new InboundSync(
        InboundSyncSettings.of(connectionId, config.sync().inbound()), spotler, store, merge, newSubscribers, clock);
    return Optional.of(new InboundSide(sync, new SpotlerEditCheck(spotler, merge, zone)));
  }
}
