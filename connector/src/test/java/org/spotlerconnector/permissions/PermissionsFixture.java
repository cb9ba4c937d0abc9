package org.spotlerconnector.permissions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;
import org.spotlerconnector.sandbox.http.Json;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusContact;
import org.spotlerconnector.sync.SyncListener;
import org.spotlerconnector.sync.inbound.InboundSync;

/**
 * A sandbox with the connector's tables installed and a connector that syncs permissions both ways for contacts, leads
 * and accounts, and what the permission tests do to both sides: tick a permission in Dynamics 365 or unsubscribe in
 * Spotler as a person would, sync, and look at the rows, the contacts and the requests sent.
 */
final class PermissionsFixture implements AutoCloseable {
  static final String CONNECTION = "test";
  static final String PERMISSIONS = "spot_spotlerpermissions";
  static final String VARIABLE_VALUES = "environmentvariablevalues";
  static final String LIST_VARIABLE = "spot_permissions";
  static final String ENABLED_VARIABLE = "spot_permissions_enabled_by_default";
  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  private static final String MAPPING =
      """
      mapping:
        - spotler: email
          contact: emailaddress1
          lead: emailaddress1
          account: emailaddress1
        - spotler: firstName
          contact: firstname
          lead: firstname
          direction: <->
        - spotler: lastName
          contact: lastname
          lead: lastname
        - spotler: permissions
          contact: "@map(permissions)"
          lead: "@map(permissions)"
          account: "@map(permissions)"
          direction: <->
      """;

  final Sandbox sandbox;
  private final Path store;
  private final String extraSettings;
  private Connector connector;

  /**
   * A sandbox with the connector's tables installed and {@code contacts} contacts and {@code leads} leads, none in
   * Spotler yet; {@link #connect()} opens the connector.
   *
   * @param extraSettings more settings under {@code sync}, e.g. {@code permissions: {refreshEvery: off}}; may be empty
   */
  PermissionsFixture(Path dir, int contacts, int leads, String extraSettings) throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(23, 3, contacts, leads, 0));
    store = dir.resolve("store.db");
    this.extraSettings = extraSettings;
    SandboxOptions o = sandbox.options();
    DataverseClient installer = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
    new Installer(installer, InstallSettings.defaults()).install();
  }

  /** Opens the connector and syncs both ways, so that every record is in Spotler. */
  PermissionsFixture connect() {
    connector = open();
    syncBothWays();
    return this;
  }

  private Connector open() {
    String yaml = SandboxConfig.yaml(sandbox, CONNECTION, store) + """
        jobs:
          enabled: false
        sync:
          outbound:
            pollInterval: 1s
          inbound:
            pollInterval: 1s
            newSubscribers:
              createAs: lead
        %s
        """.formatted(extraSettings.indent(2)) + MAPPING;
    return Connector.open(ConfigLoader.fromSystemEnvironment().load("test.yml", yaml), SyncListener.NONE,
        Clock.systemUTC());
  }

  Connector connector() {
    return connector;
  }

  /** Closes the connector and opens it again on the same store. */
  void restart() {
    connector.close();
    connector = open();
  }

  /** Both flows until caught up: Dataverse's changes to Spotler, then Spotler's to Dataverse. */
  void syncBothWays() {
    outbound();
    inbound();
  }

  void outbound() {
    if (!connector.outbound().runUntilCaughtUp(CATCH_UP)) {
      throw new AssertionError("the outbound sync did not catch up");
    }
  }

  void inbound() {
    InboundSync inbound = connector.inbound().orElseThrow(() -> new AssertionError("no inbound sync"));
    if (!inbound.runUntilCaughtUp(CATCH_UP)) {
      throw new AssertionError("the inbound sync did not catch up");
    }
  }

  DataverseTable table(String entitySet) {
    return sandbox.dataverse().table(entitySet);
  }

  String contactId(int index) {
    return table("contacts").rows().get(index).get("contactid").asText();
  }

  /** A person creates a row in Dynamics 365; returns its id. */
  String createRow(String entitySet, Map<String, ?> values) {
    return table(entitySet).insert(Json.MAPPER.valueToTree(values)).toString();
  }

  /** A person edits a row in Dynamics 365. */
  void editRow(String entitySet, String id, Map<String, ?> values) {
    table(entitySet).update(UUID.fromString(id), Json.MAPPER.valueToTree(values));
  }

  /** A person adds a permission row to a contact in Dynamics 365; returns its id. */
  String addPermission(String contactId, long bit, String name, boolean enabled) {
    ObjectNode row = Json.object()
        .put("spot_name", name)
        .put("spot_bit", bit)
        .put("spot_isenabled", enabled)
        .put("_spot_customer_value", contactId)
        .put("_spot_customer_value@Microsoft.Dynamics.CRM.lookuplogicalname", "contact");
    return table(PERMISSIONS).insert(row).toString();
  }

  /** A person ticks or unticks a permission row in Dynamics 365. */
  void tick(String permissionRowId, boolean enabled) {
    table(PERMISSIONS).update(UUID.fromString(permissionRowId), Json.object().put("spot_isenabled", enabled));
  }

  /** The permission rows of a record: bit to row. */
  Map<Long, ObjectNode> permissionRows(String recordId) {
    Map<Long, ObjectNode> rows = new TreeMap<>();
    for (ObjectNode row : table(PERMISSIONS).rows()) {
      if (recordId.equals(row.path("_spot_customer_value").asText(null))
          || recordId.equals(row.path("_spot_lead_value").asText(null))) {
        rows.put(row.get("spot_bit").asLong(), row);
      }
    }
    return rows;
  }

  /** Bit to isenabled of a record's permission rows. */
  Map<Long, Boolean> permissionStates(String recordId) {
    Map<Long, Boolean> states = new TreeMap<>();
    permissionRows(recordId).forEach((bit, row) -> states.put(bit, row.path("spot_isenabled").asBoolean()));
    return states;
  }

  MailPlusContact spotler(String externalId) {
    return sandbox.mailplus().contact(externalId)
        .orElseThrow(() -> new AssertionError("not in Spotler: " + externalId));
  }

  /** A person sets an environment variable's current value in Dynamics 365 (its value row). */
  void setVariable(String schemaName, String value) {
    Optional<ObjectNode> valueRow = variableValueRow(schemaName);
    if (valueRow.isPresent()) {
      table(VARIABLE_VALUES).update(UUID.fromString(valueRow.get().get("environmentvariablevalueid").asText()),
          Json.object().put("value", value));
      return;
    }
    String definitionId = table("environmentvariabledefinitions").rows().stream()
        .filter(row -> row.path("schemaname").asText().equals(schemaName)).findFirst().orElseThrow()
        .get("environmentvariabledefinitionid").asText();
    table(VARIABLE_VALUES).insert(Json.object()
        .put("schemaname", schemaName)
        .put("value", value)
        .put("_environmentvariabledefinitionid_value", definitionId));
  }

  /** The value row of an environment variable, when it has one. */
  Optional<ObjectNode> variableValueRow(String schemaName) {
    String definitionId = table("environmentvariabledefinitions").rows().stream()
        .filter(row -> row.path("schemaname").asText().equals(schemaName)).findFirst().orElseThrow()
        .get("environmentvariabledefinitionid").asText();
    return table(VARIABLE_VALUES).rows().stream()
        .filter(row -> definitionId.equals(row.path("_environmentvariabledefinitionid_value").asText(null)))
        .findFirst();
  }

  RequestLog dataverseLog() {
    return sandbox.dataverseServer().requestLog();
  }

  RequestLog spotlerLog() {
    return sandbox.mailplusServer().requestLog();
  }

  /** Writes to Dataverse rows since a point of the log: updates, creations and deletions. */
  List<RequestLog.Entry> dataverseWrites(long since) {
    return dataverseLog().since(since).stream()
        .filter(e -> e.path().contains("/api/data/") && !e.method().equals("GET"))
        .toList();
  }

  /** Writes to Spotler contacts since a point of the log. */
  List<RequestLog.Entry> spotlerWrites(long since) {
    return spotlerLog().since(since).stream()
        .filter(e -> e.path().contains("/contact") && !e.method().equals("GET"))
        .toList();
  }

  @Override
  public void close() {
    if (connector != null) {
      connector.close();
    }
    sandbox.close();
  }
}
