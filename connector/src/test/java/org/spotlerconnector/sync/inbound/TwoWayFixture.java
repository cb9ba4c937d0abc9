package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.http.Json;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusContact;
import org.spotlerconnector.store.RecordedConflict;
import org.spotlerconnector.sync.SyncListener;

/**
 * A connector with a two-way mapping on a running sandbox, and what the two-way tests do to both sides: edit a row in
 * Dataverse or a contact in Spotler as a person would, sync, and look at the result and at the requests sent.
 */
final class TwoWayFixture implements AutoCloseable {
  static final String CONNECTION = "test";
  static final Duration CATCH_UP = Duration.ofSeconds(60);
  /**
   * Every direction, every conflict rule and one field per conversion class: text, choice by label (taal), date
   * (birthday), whole number and amount (on accounts).
   */
  static final String MAPPING =
      """
      mapping:
        - spotler: email
          contact: emailaddress1
          account: emailaddress1
        - spotler: firstName
          contact: firstname
          direction: <->
        - spotler: infix
          contact: middlename
          direction: <->
          conflict: spotler
        - spotler: phoneNumber
          contact: telephone1
          direction: <->
          conflict: newest
        - spotler: street
          contact: address1_line1
          direction: <->
          conflict: non-blank
        - spotler: lastName
          contact: lastname
        - spotler: city
          contact: address1_city
          direction: <-
        - spotler: taal
          contact: preferredcontactmethodcode
          direction: <-
        - spotler: birthday
          contact: birthdate
          direction: <->
        - spotler: organisation
          account: name
        - spotler: numberOfOrders
          account: numberofemployees
          direction: <->
        - spotler: totalRevenue
          account: revenue
          direction: <-
        - spotler: customerType
          contact: $CustomerType
          account: $CustomerType
      """;

  final Sandbox sandbox;
  private final Path store;
  private final String inboundSettings;
  private Connector connector;

  /** @param inboundSettings extra {@code sync.inbound} settings, e.g. {@code pageSize: 2}; may be empty */
  TwoWayFixture(Sandbox sandbox, Path dir, String inboundSettings) {
    this.sandbox = sandbox;
    this.store = dir.resolve("store.db");
    this.inboundSettings = inboundSettings;
    this.connector = open();
  }

  String yaml() {
    return SandboxConfig.yaml(sandbox, CONNECTION, store) + """
        sync:
          outbound:
            pollInterval: 1s
            tables: {contact: true, lead: false, account: true}
          inbound:
            pollInterval: 1s
            newSubscribers:
              createAs: ignore
        %s
        """.formatted(inboundSettings.indent(4)) + MAPPING;
  }

  private Connector open() {
    return Connector.open(
        ConfigLoader.fromSystemEnvironment().load("test.yml", yaml()), SyncListener.NONE, Clock.systemUTC());
  }

  Connector connector() {
    return connector;
  }

  InboundSync inbound() {
    return connector.inbound().orElseThrow(() -> new AssertionError("the two-way mapping starts no inbound sync"));
  }

  /** Closes the connector, as a stop or a crash would, and opens it again on the same store. */
  void restart() {
    connector.close();
    connector = open();
  }

  /** Both flows until caught up: Dataverse's changes to Spotler, then Spotler's to Dataverse. */
  void syncBothWays() {
    outbound();
    inboundOnly();
  }

  void outbound() {
    if (!connector.outbound().runUntilCaughtUp(CATCH_UP)) {
      throw new AssertionError("the outbound sync did not catch up");
    }
  }

  void inboundOnly() {
    if (!inbound().runUntilCaughtUp(CATCH_UP)) {
      throw new AssertionError("the inbound sync did not catch up");
    }
  }

  /** The ids of the active, mailable contacts: those the outbound flow puts in Spotler. */
  List<String> syncedContactIds() {
    return sandbox.dataverse().table("contacts").rows().stream()
        .filter(row -> row.get("statecode").asInt() == 0 && !row.path("donotemail").asBoolean())
        .map(row -> row.get("contactid").asText())
        .toList();
  }

  List<String> accountIds() {
    return sandbox.dataverse().table("accounts").rows().stream().map(row -> row.get("accountid").asText()).toList();
  }

  ObjectNode row(String entitySet, String id) {
    return sandbox.dataverse().table(entitySet).get(UUID.fromString(id)).orElseThrow();
  }

  /** A person changes the row in Dynamics 365. */
  void editRow(String entitySet, String id, Map<String, ?> values) {
    ObjectNode changes = Json.object();
    values.forEach((column, value) -> changes.set(column, Json.MAPPER.valueToTree(value)));
    sandbox.dataverse().table(entitySet).update(UUID.fromString(id), changes);
  }

  /** A person changes the contact in Spotler. */
  void editSpotler(String externalId, Map<String, ?> properties) {
    sandbox.mailplus().editContact(externalId, properties);
  }

  MailPlusContact spotler(String externalId) {
    return sandbox.mailplus().contact(externalId)
        .orElseThrow(() -> new AssertionError("not in Spotler: " + externalId));
  }

  /** A property's value in Spotler as text; null when the contact has none. */
  String spotlerText(String externalId, String property) {
    Object value = spotler(externalId).properties().get(property);
    return value == null ? null : value.toString();
  }

  List<RecordedConflict> conflicts() {
    return connector.store().conflicts().recent(CONNECTION, 1_000);
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
    connector.close();
  }
}
