package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.AudienceRemoval;
import org.spotlerconnector.dataverse.BudgetSettings;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.MarketingListTables;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.audience.ContactChunk;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.store.RecordLink;
import org.spotlerconnector.store.Store;

/**
 * A static list of 100,000 members, all in Spotler already (as an earlier outbound sync left them: contacts in Mail+,
 * links in the store): the first sync sends 40 chunks of 2,500; after a 1% change (500 members off, 500 on) the sync
 * sends one removal and one addition, and reads the list again, nothing more: Spotler requests follow the change, not
 * the list.
 */
class LargeListSyncTest {
  private static final Logger LOG = LoggerFactory.getLogger(LargeListSyncTest.class);
  private static final int MEMBERS = 100_000;
  private static final int CHANGED = MEMBERS / 200;
  private static final String CONNECTION = "large";

  @TempDir Path dir;
  private Sandbox sandbox;
  private Store store;
  private MarketingListSync lists;
  private final List<UUID> contacts = new ArrayList<>();
  private final AtomicInteger pushes = new AtomicInteger();

  @BeforeEach
  void arrange() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    sandbox.dataverse().limits(ServiceProtectionLimits.DEFAULTS.withRequests(1_000_000));
    List<ObjectNode> rows = new ArrayList<>();
    List<RecordLink> links = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < MEMBERS + CHANGED; i++) {
      UUID id = UUID.randomUUID();
      contacts.add(id);
      rows.add(JsonNodeFactory.instance.objectNode().put("contactid", id.toString()).put("lastname", "Member " + i)
          .put("emailaddress1", "member" + i + "@example.nl"));
      sandbox.mailplus().putContact(id.toString(), Map.of("email", "member" + i + "@example.nl"));
      links.add(new RecordLink("contact", id.toString(), id.toString(), now, "OK"));
    }
    sandbox.dataverse().table("contacts").insertAll(rows);
    store = Store.open("jdbc:sqlite:" + dir.resolve("store.db"));
    store.recordLinks().link(CONNECTION, links);
    SandboxOptions o = sandbox.options();
    DataverseClient dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .budget(new BudgetSettings(1_000_000, Duration.ofMinutes(5), 32, Duration.ofHours(10)))
            .build());
    new Installer(dataverse, InstallSettings.defaults()).install();
    MailPlusClient spotler = MailPlusClient.create(MailPlusConfig.builder(o.consumerKey(), o.consumerSecret())
        .baseUrl(sandbox.mailplusUrl()).requestsPerSecond(5_000).build());
    lists = new MarketingListSync(dataverse, SpotlerAudiences.of(spotler), store, (table, id) -> {
      pushes.incrementAndGet();
      return false;
    }, new ListSyncSettings(CONNECTION, ListSyncFixture.FLAG, AudienceRemoval.DELETE), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    store.close();
    sandbox.close();
  }

  @Test
  @Timeout(300)
  @DisplayName("100,000 members from scratch in 40 chunks; after a 1% change two Spotler calls, in bounded time")
  void a_one_percent_change_costs_requests_in_proportion_to_the_change() {
    UUID list = sandbox.dataverse().marketingLists().createStatic("Everyone", MarketingListTables.CONTACT);
    sandbox.dataverse().marketingLists().addMembers(list, contacts.subList(0, MEMBERS));
    sandbox.dataverse().table("lists").update(list,
        JsonNodeFactory.instance.objectNode().put(ListSyncFixture.FLAG, true));

    assertThat(lists.unavailable()).as("the editions, checked once").isEmpty();

    Measured first = measure(() -> lists.syncNow(list.toString()));
    sandbox.dataverse().marketingLists().removeMembers(list, contacts.subList(0, CHANGED));
    sandbox.dataverse().marketingLists().addMembers(list, contacts.subList(MEMBERS, MEMBERS + CHANGED));
    Measured change = measure(() -> lists.syncNow(list.toString()));

    LOG.atInfo().addKeyValue("fromScratchMillis", first.millis()).addKeyValue("fromScratchMailPlus", first.mailplus())
        .addKeyValue("fromScratchDataverse", first.dataverse()).addKeyValue("changeMillis", change.millis())
        .addKeyValue("changeMailPlus", change.mailplus()).addKeyValue("changeDataverse", change.dataverse())
        .log("100,000-member list synced from scratch and after a 1% change");
    assertThat(first.report().added()).isEqualTo(MEMBERS);
    assertThat(first.mailplus()).isEqualTo(MEMBERS / ContactChunk.MAX_SIZE + 1); // the chunks and the audience
    assertThat(change.report())
        .isEqualTo(new ListSyncReport(list.toString(), "Everyone", MEMBERS, CHANGED, CHANGED, 0));
    assertThat(change.mailplus()).as("one removal and one addition").isEqualTo(2);
    assertThat(change.dataverse()).as("the list, and its members in pages of 5,000")
        .isEqualTo(1 + MEMBERS / 5_000);
    assertThat(change.millis()).as("a 1% change of 100,000 members").isLessThan(60_000);
    assertThat(pushes).hasValue(0);
    assertThat(new HashSet<>(sandbox.mailplus().audiences().contacts(list.toString())))
        .hasSize(MEMBERS).doesNotContain(contacts.get(0).toString()).contains(contacts.get(MEMBERS).toString());
  }

  private record Measured(ListSyncReport report, long millis, long mailplus, long dataverse) {}

  private Measured measure(Supplier<ListSyncReport> sync) {
    RequestLog mailplus = sandbox.mailplusServer().requestLog();
    RequestLog dataverse = sandbox.dataverseServer().requestLog();
    long mailplusMark = mailplus.lastSequence();
    long dataverseMark = dataverse.lastSequence();
    long start = System.nanoTime();
    ListSyncReport report = sync.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Measured(report, millis, mailplus.lastSequence() - mailplusMark,
        dataverse.lastSequence() - dataverseMark);
  }
}
