package org.spotlerconnector.sync.lists;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.config.AudienceRemoval;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.dataverse.BudgetSettings;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.dataverse.RetrySettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.sync.SyncListener;

/**
 * The sandbox with its seeded marketing lists, the connector's tables made by the real {@link Installer}, a connector
 * whose outbound initial load brought the syncable contacts and leads to Spotler (so the store links them), and a
 * {@link MarketingListSync} over real HTTP with quick retries, sharing the connector's store and its sync-now.
 */
final class ListSyncFixture implements AutoCloseable {
  static final String FLAG = "spot_synctospotler";

  final Sandbox sandbox;
  final DataverseClient dataverse;
  final MailPlusClient spotler;
  final Connector connector;
  final MarketingListSync lists;

  ListSyncFixture(Path dir, SandboxOptions options, AudienceRemoval onRemove) throws IOException {
    this(dir, options, onRemove, 3);
  }

  /** @param spotlerRetries how often the list sync's Mail+ client repeats a failed call */
  ListSyncFixture(Path dir, SandboxOptions options, AudienceRemoval onRemove, int spotlerRetries) throws IOException {
    sandbox = Sandbox.start(options);
    sandbox.dataverse().limits(ServiceProtectionLimits.DEFAULTS.withRequests(1_000_000)
        .withExecutionTime(Duration.ofHours(10)));
    SandboxOptions o = sandbox.options();
    dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .retry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50)))
            .budget(new BudgetSettings(1_000_000, Duration.ofMinutes(5), 32, Duration.ofHours(10)))
            .build());
    new Installer(dataverse, InstallSettings.defaults()).install();
    spotler = MailPlusClient.create(MailPlusConfig.builder(o.consumerKey(), o.consumerSecret())
        .baseUrl(sandbox.mailplusUrl())
        .requestTimeout(Duration.ofSeconds(5))
        .maxRetries(spotlerRetries)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
        .requestsPerSecond(5_000)
        .build());
    connector = Connector.open(ConfigLoader.fromSystemEnvironment().load("lists.yml",
        SandboxConfig.yaml(sandbox, "lists", dir.resolve("store.db")) + """
            sync:
              outbound:
                pollInterval: 1s
              inbound:
                enabled: false
              lists:
                refreshEvery: off
                onRemove: %s
            """.formatted(onRemove)), SyncListener.NONE, Clock.systemUTC());
    if (!connector.outbound().runUntilCaughtUp(Duration.ofMinutes(2))) {
      throw new IllegalStateException("the outbound initial load did not finish");
    }
    lists = new MarketingListSync(dataverse, SpotlerAudiences.of(spotler), connector.store(),
        (table, id) -> connector.outbound().syncNow(table, id).synced(),
        new ListSyncSettings("lists", FLAG, onRemove), Clock.systemUTC());
  }

  /** The id of the seeded list whose name starts with {@code prefix}. */
  String listId(String prefix) {
    return sandbox.dataverse().table("lists").rows().stream()
        .filter(row -> row.path("listname").asText().startsWith(prefix))
        .map(row -> row.path("listid").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no seeded list named " + prefix + "…"));
  }

  void markForSync(String listId, boolean marked) {
    dataverse.update("lists", RecordKey.id(listId), JsonNodeFactory.instance.objectNode().put(FLAG, marked));
  }

  void rename(String listId, String name) {
    dataverse.update("lists", RecordKey.id(listId), JsonNodeFactory.instance.objectNode().put("listname", name));
  }

  /** Who is on the list now, per the emulator (a dynamic list's query run in-process). */
  Set<String> members(String listId) {
    Set<String> members = new HashSet<>();
    sandbox.dataverse().marketingLists().members(UUID.fromString(listId)).forEach(id -> members.add(id.toString()));
    return members;
  }

  /** The members Spotler has a contact for: what the audience must hold. */
  Set<String> membersInSpotler(String listId) {
    Set<String> members = members(listId);
    members.removeIf(id -> sandbox.mailplus().contact(id).isEmpty());
    return members;
  }

  Set<String> audience(String listId) {
    return new HashSet<>(sandbox.mailplus().audiences().contacts(listId));
  }

  /** A new contact with an e-mail address, which the outbound sync has not seen. */
  String newContact(String lastName) {
    ObjectNode row = JsonNodeFactory.instance.objectNode()
        .put("firstname", "New").put("lastname", lastName)
        .put("emailaddress1", lastName.toLowerCase() + "@example.org");
    return dataverse.create("contacts", row);
  }

  void addMembers(String listId, List<String> memberIds) {
    sandbox.dataverse().marketingLists().addMembers(UUID.fromString(listId),
        memberIds.stream().map(UUID::fromString).toList());
  }

  void removeMembers(String listId, List<String> memberIds) {
    sandbox.dataverse().marketingLists().removeMembers(UUID.fromString(listId),
        memberIds.stream().map(UUID::fromString).toList());
  }

  /** Audience calls as a person in Spotler would make them. */
  SpotlerAudiences spotlerAudiences() {
    return SpotlerAudiences.of(spotler);
  }

  RequestLog mailplusLog() {
    return sandbox.mailplusServer().requestLog();
  }

  RequestLog dataverseLog() {
    return sandbox.dataverseServer().requestLog();
  }

  /** Whether Mail+ was ever sent a DELETE of an audience's contacts that names none, which would empty it. */
  boolean sentAnEmptyingDelete() {
    return mailplusLog().count(e -> e.method().equals("DELETE") && e.path().matches(".*/audience/[^/]+/contact/?")
        && !e.body().contains("\"contacts\":[\"")) > 0;
  }

  @Override
  public void close() {
    connector.close();
    sandbox.close();
  }
}
