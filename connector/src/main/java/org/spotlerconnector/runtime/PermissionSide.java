package org.spotlerconnector.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.permissions.PermissionListRefresh;
import org.spotlerconnector.permissions.PermissionMapping;
import org.spotlerconnector.permissions.PermissionRows;
import org.spotlerconnector.permissions.PermissionTable;
import org.spotlerconnector.permissions.PermissionVariables;
import org.spotlerconnector.permissions.Permissions;
import org.spotlerconnector.permissions.PrePopulation;
import org.spotlerconnector.permissions.SpotlerPermissions;
import org.spotlerconnector.spotler.MailPlusClient;

/**
 * The Spotler permissions of a connection, when the mapping has a {@code @map(permissions)} row and {@code install}
 * made the Spotler Permission table (with the prefix of {@code jobs.prefix}): the rows both flows read and write, and
 * the scheduled refresh of the {@code <p>_permissions} environment variable. Without the table, or without its change
 * tracking, the permissions are not synced, which the log says.
 */
record PermissionSide(Permissions permissions, Optional<PermissionListRefresh> refresh) {
  private static final Logger LOG = LoggerFactory.getLogger(PermissionSide.class);
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(15);

  static Optional<PermissionSide> of(ConnectorConfig config, DataverseClient dataverse, MailPlusClient spotler) {
    PermissionMapping mapping = PermissionMapping.of(config.mapping());
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    PermissionTable table = new PermissionTable(config.jobs().prefix());
    Optional<String> missing = whatIsMissing(dataverse, table);
    if (missing.isPresent()) {
      LOG.atWarn().addKeyValue("table", table.logicalName())
          .log("permissions are not synced: {}; run the install command", missing.get());
      return Optional.empty();
    }
    PermissionRows rows = new PermissionRows(dataverse, table);
    SpotlerPermissions spotlerPermissions = new SpotlerPermissions(spotler);
    PermissionVariables variables = new PermissionVariables(dataverse, table);
    Permissions permissions =
        new Permissions(mapping, rows, spotlerPermissions, new PrePopulation(variables, spotlerPermissions, rows));
    Duration every = config.sync().permissions().refreshEvery();
    Optional<PermissionListRefresh> refresh = config.sync().permissions().refreshes()
        ? Optional.of(new PermissionListRefresh(variables, spotlerPermissions, mapping.listedField().orElseThrow(),
            every, RETRY_AFTER_FAILURE))
        : Optional.empty();
    return Optional.of(new PermissionSide(permissions, refresh));
  }

  /**
   * Why the permission table cannot be used: it does not exist, or has no change tracking, without which a permission
   * ticked in Dynamics 365 would never be sent. Install makes the table and turns change tracking on.
   */
  private static Optional<String> whatIsMissing(DataverseClient dataverse, PermissionTable table) {
    try {
      JsonNode definition = dataverse.get(
          "EntityDefinitions(LogicalName='" + table.logicalName() + "')?$select=LogicalName,ChangeTrackingEnabled");
      return definition.path("ChangeTrackingEnabled").asBoolean(false)
          ? Optional.empty()
          : Optional.of("the Spotler Permission table has no change tracking");
    } catch (NotFoundException notInstalled) {
      return Optional.of("the Spotler Permission table is not installed");
    }
  }
}
