package org.spotlerconnector.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;
import org.spotlerconnector.sandbox.dataverse.MarketingListTables;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.store.RecordLink;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.sync.SyncListener;
import org.spotlerconnector.sync.lists.ListSyncReport;

/**
 * One run of {@code benchmark-lists}: the sandbox in this JVM with {@code members} contacts (and 1% more), all in
 * Spotler and linked in a fresh store as the outbound sync leaves them; the connector opened in this JVM on that store;
 * then, for a static and a dynamic marketing list of {@code members} each, the list's sync from scratch and after a 1%
 * change (half of it leaving the list, half joining), as a Sync Marketing List job or the scheduled refresh runs it,
 * timed and with its requests counted from the emulators' request logs.
 */
final class ListBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(ListBenchmark.class);
  private static final String CITY = "Listville";
  private static final String ELSEWHERE = "Elsewhere";
  private static final String CONNECTION = "benchmark-lists";

  /** A static list (members added to it) or a dynamic one (members selected by its query). */
  enum ListKind {
    STATIC, DYNAMIC
  }

  /**
   * One measured sync.
   *
   * @param listReads Dataverse requests that read the list and its members; {@code otherDataverse} the rest
   * @param audienceCalls Mail+ requests to the list's audience; {@code otherMailPlus} the rest
   */
  record Measurement(ListKind kind, String sync, ListSyncReport report, Duration elapsed, long listReads,
      long otherDataverse, long audienceCalls, long otherMailPlus, boolean audienceMatches) {}

  private final ListBenchmarkSettings settings;

  ListBenchmark(ListBenchmarkSettings settings) {
    this.settings = settings;
  }

  List<Measurement> run() throws IOException {
    Path workDir = Files.createTempDirectory("spotler-list-benchmark-");
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
      sandbox.dataverse().limits(ServiceProtectionLimits.DEFAULTS.withRequests(1_000_000));
      List<UUID> contacts = seedContacts(sandbox, workDir.resolve("connector.db"));
      new Installer(dataverseClient(sandbox), InstallSettings.defaults()).install();
      try (Connector connector = Connector.open(ConfigLoader.fromSystemEnvironment().load("benchmark-lists.yml",
          config(sandbox, workDir.resolve("connector.db"))), SyncListener.NONE, Clock.systemUTC())) {
        connector.marketingLists().unavailable().ifPresent(reason -> {
          throw new IllegalStateException(reason);
        });
        sandbox.latency(settings.latencyMillis(), settings.jitterMillis());
        List<Measurement> measurements = new ArrayList<>();
        for (ListKind kind : settings.kinds()) {
          measurements.addAll(measureList(sandbox, connector, contacts, kind));
        }
        return measurements;
      }
    } finally {
      deleteRecursively(workDir);
    }
  }

  private List<Measurement> measureList(Sandbox sandbox, Connector connector, List<UUID> contacts, ListKind kind) {
    int members = settings.members();
    int moved = members / 200;
    UUID list = kind == ListKind.STATIC
        ? staticList(sandbox, contacts.subList(0, members))
        : dynamicList(sandbox);
    List<Measurement> measured = new ArrayList<>();
    measured.add(measure(sandbox, connector, kind, "from scratch", list));
    List<UUID> leaving = contacts.subList(0, moved);
    List<UUID> joining = contacts.subList(members, members + moved);
    if (kind == ListKind.STATIC) {
      sandbox.dataverse().marketingLists().removeMembers(list, leaving);
      sandbox.dataverse().marketingLists().addMembers(list, joining);
    } else {
      DataverseTable table = sandbox.dataverse().table("contacts");
      leaving.forEach(id -> table.update(id, city(ELSEWHERE)));
      joining.forEach(id -> table.update(id, city(CITY)));
    }
    measured.add(measure(sandbox, connector, kind, "after a 1% change", list));
    return measured;
  }

  private Measurement measure(Sandbox sandbox, Connector connector, ListKind kind, String sync, UUID list) {
    RequestLog dataverse = sandbox.dataverseServer().requestLog();
    RequestLog mailplus = sandbox.mailplusServer().requestLog();
    long dataverseMark = dataverse.lastSequence();
    long mailplusMark = mailplus.lastSequence();
    LOG.atInfo().addKeyValue("list", kind).addKeyValue("sync", sync).log("syncing the list");
    long start = System.nanoTime();
    ListSyncReport report = connector.marketingLists().syncNow(list.toString());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    List<RequestLog.Entry> dataverseCalls = dataverse.since(dataverseMark);
    List<RequestLog.Entry> mailplusCalls = mailplus.since(mailplusMark);
    long listReads = count(dataverseCalls, e -> e.method().equals("GET") && (e.path().endsWith("/listmembers")
        || (e.query() != null && e.query().startsWith("fetchXml=")) || e.path().contains("/lists(")));
    long audienceCalls = count(mailplusCalls, e -> e.path().contains("/audience/" + list));
    boolean matches = sandbox.mailplus().audiences().contacts(list.toString()).size() == settings.members();
    return new Measurement(kind, sync, report, elapsed, listReads, dataverseCalls.size() - listReads, audienceCalls,
        mailplusCalls.size() - audienceCalls, matches);
  }

  /** The contacts, in Dataverse and in Spotler, linked in the store as the outbound sync links them. */
  private List<UUID> seedContacts(Sandbox sandbox, Path storeFile) {
    int count = settings.members() + settings.members() / 100;
    List<UUID> ids = new ArrayList<>(count);
    List<ObjectNode> rows = new ArrayList<>(count);
    List<RecordLink> links = new ArrayList<>(count);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      String email = "member" + i + "@example.nl";
      ids.add(id);
      rows.add(city(i < settings.members() ? CITY : ELSEWHERE)
          .put("contactid", id.toString()).put("lastname", "Member " + i).put("emailaddress1", email));
      sandbox.mailplus().putContact(id.toString(), Map.of("email", email));
      links.add(new RecordLink("contact", id.toString(), id.toString(), now, "OK"));
    }
    sandbox.dataverse().table("contacts").insertAll(rows);
    try (Store store = Store.open("jdbc:sqlite:" + storeFile)) {
      store.recordLinks().link(CONNECTION, links);
    }
    LOG.atInfo().addKeyValue("contacts", count).log("contacts in Dataverse, in Spotler and linked");
    return ids;
  }

  private static UUID staticList(Sandbox sandbox, List<UUID> members) {
    UUID list = sandbox.dataverse().marketingLists().createStatic("Benchmark static", MarketingListTables.CONTACT);
    sandbox.dataverse().marketingLists().addMembers(list, members);
    return list;
  }

  /** The contacts in the list's city: the first {@code members} of them, as seeded. */
  private static UUID dynamicList(Sandbox sandbox) {
    return sandbox.dataverse().marketingLists().createDynamic("Benchmark dynamic", MarketingListTables.CONTACT,
        "<fetch><entity name=\"contact\"><attribute name=\"fullname\"/><filter><condition attribute=\"address1_city\""
            + " operator=\"eq\" value=\"" + CITY + "\"/></filter></entity></fetch>");
  }

  private static ObjectNode city(String city) {
    return JsonNodeFactory.instance.objectNode().put("address1_city", city);
  }

  private static long count(List<RequestLog.Entry> calls, Predicate<RequestLog.Entry> which) {
    return calls.stream().filter(which).count();
  }

  private String config(Sandbox sandbox, Path storeFile) {
    SandboxOptions o = sandbox.options();
    return """
        connection:
          id: %s
        dataverse:
          url: %s
          tenant: %s
          clientId: %s
          clientSecret: %s
          tokenUrl: %s
        spotler:
          baseUrl: %s
          consumerKey: %s
          consumerSecret: %s
          requestsPerSecond: %s
        store:
          url: jdbc:sqlite:%s
        sync:
          outbound:
            onChange: none
          inbound:
            enabled: false
          lists:
            refreshEvery: off
        jobs:
          enabled: false
        """.formatted(CONNECTION, sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(),
        sandbox.tokenUrl(), sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(),
        String.valueOf(settings.spotlerRequestsPerSecond()), storeFile.toString().replace('\\', '/'));
  }

  private static DataverseClient dataverseClient(Sandbox sandbox) {
    SandboxOptions o = sandbox.options();
    return DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
