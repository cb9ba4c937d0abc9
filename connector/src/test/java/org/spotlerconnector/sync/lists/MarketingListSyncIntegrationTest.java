package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.config.AudienceRemoval;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusAudiences;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.store.Store;

/** Marketing lists to Spotler audiences over real HTTP (issue: "List sync"; design.md §4.5). */
class MarketingListSyncIntegrationTest {
  private static final SandboxOptions DATA = SandboxOptions.forTests().withData(5, 10, 150, 60, 0);
  private static final String NEWSLETTER = "Newsletter";
  private static final String ACTIVE_CONTACTS = "Active contacts in";

  @TempDir Path dir;
  private ListSyncFixture env;

  @AfterEach
  void stop() {
    if (env != null) {
      assertThat(env.sentAnEmptyingDelete()).as("a DELETE of an audience's contacts without ids").isFalse();
      env.close();
    }
  }

  private ListSyncFixture start(AudienceRemoval onRemove) throws IOException {
    env = new ListSyncFixture(dir, DATA, onRemove);
    return env;
  }

  @Test
  @DisplayName("a static list marked for sync becomes an audience keyed by the list id and named after the list, with"
      + " every member Spotler has; members that cannot be synced are counted, not added")
  void a_static_list_becomes_an_audience() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);

    MarketingListSync.RefreshOutcome outcome = env.lists.refresh();

    MailPlusAudiences.Audience audience = env.sandbox.mailplus().audiences().audience(list).orElseThrow();
    assertThat(outcome).isEqualTo(new MarketingListSync.RefreshOutcome(1, 0, 0));
    assertThat(audience.name()).startsWith(NEWSLETTER);
    assertThat(env.audience(list)).isEqualTo(env.membersInSpotler(list)).isNotEmpty();
    assertThat(env.membersInSpotler(list)).as("some members are inactive or Do Not Email")
        .hasSizeLessThan(env.members(list).size());
    assertThat(env.sandbox.mailplus().audiences().all()).as("only lists marked for sync").hasSize(1);
  }

  @Test
  @DisplayName("a dynamic list runs its FetchXML; a contact that leaves the query leaves the audience, one that"
      + " joins it joins")
  void a_dynamic_list_follows_its_query() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(ACTIVE_CONTACTS);
    env.markForSync(list, true);
    env.lists.refresh();
    Set<String> before = env.audience(list);
    String leaving = before.iterator().next();
    String city = env.sandbox.dataverse().table("lists").get(UUID.fromString(list)).orElseThrow()
        .path("listname").asText().substring(ACTIVE_CONTACTS.length() + 1);
    String joining = env.newContact("Joiner");
    env.dataverse.update("contacts", RecordKey.id(leaving),
        JsonNodeFactory.instance.objectNode().put("address1_city", "Elsewhere"));
    env.dataverse.update("contacts", RecordKey.id(joining),
        JsonNodeFactory.instance.objectNode().put("address1_city", city));

    ListSyncReport report = env.lists.syncNow(list);

    assertThat(env.audience(list)).contains(joining).doesNotContain(leaving).isEqualTo(env.membersInSpotler(list));
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.removed()).isEqualTo(1);
    assertThat(env.sandbox.mailplus().contact(joining)).as("synced to Spotler first").isPresent();
  }

  @Test
  @DisplayName("after the first sync only the difference goes to Spotler: one add and one remove call, nothing else")
  void only_the_difference_is_sent() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);
    env.lists.refresh();
    List<String> members = new ArrayList<>(env.audience(list));
    String joining = env.membersInSpotler(env.listId(ACTIVE_CONTACTS)).stream()
        .filter(id -> !env.members(list).contains(id)).findFirst().orElseThrow();
    env.removeMembers(list, members.subList(0, 2));
    env.addMembers(list, List.of(joining));
    long mark = env.mailplusLog().lastSequence();

    env.lists.refresh();
    env.lists.refresh();

    List<RequestLog.Entry> calls = env.mailplusLog().since(mark);
    assertThat(calls).extracting(e -> e.method() + " " + e.path().replaceAll(".*/audience", "/audience"))
        .containsExactlyInAnyOrder("DELETE /audience/" + list + "/contact", "POST /audience/" + list + "/contact");
    assertThat(env.audience(list)).isEqualTo(env.membersInSpotler(list)).contains(joining)
        .doesNotContain(members.get(0), members.get(1));
  }

  @Test
  @DisplayName("a member Spotler does not have yet is synced first, then added")
  void a_new_member_is_synced_to_spotler_first() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);
    env.lists.refresh();
    String newcomer = env.newContact("Newcomer");
    env.addMembers(list, List.of(newcomer));

    ListSyncReport report = env.lists.syncNow(list);

    assertThat(env.sandbox.mailplus().contact(newcomer)).isPresent();
    assertThat(env.audience(list)).contains(newcomer);
    assertThat(report.added()).isEqualTo(1);
  }

  @Test
  @DisplayName("renaming the list renames its audience")
  void a_renamed_list_renames_its_audience() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);
    env.lists.refresh();

    env.rename(list, "Newsletter (renamed)");
    env.lists.refresh();

    assertThat(env.sandbox.mailplus().audiences().audience(list).orElseThrow().name())
        .isEqualTo("Newsletter (renamed)");
    assertThat(env.audience(list)).isEqualTo(env.membersInSpotler(list));
  }

  @Test
  @DisplayName("onRemove delete: a list no longer marked, and a deleted list, lose their audience")
  void removal_deletes_the_audience() throws IOException {
    start(AudienceRemoval.DELETE);
    String unmarked = env.listId(NEWSLETTER);
    String deleted = env.listId(ACTIVE_CONTACTS);
    env.markForSync(unmarked, true);
    env.markForSync(deleted, true);
    env.lists.refresh();
    assertThat(env.sandbox.mailplus().audiences().all()).hasSize(2);

    env.markForSync(unmarked, false);
    env.dataverse.delete("lists", RecordKey.id(deleted));
    MarketingListSync.RefreshOutcome outcome = env.lists.refresh();

    assertThat(outcome).isEqualTo(new MarketingListSync.RefreshOutcome(0, 2, 0));
    assertThat(env.sandbox.mailplus().audiences().all()).isEmpty();
    assertThat(env.connector.store().listAudiences().findAll("lists")).isEmpty();
    assertThat(env.connector.store().listMemberships().find("lists", unmarked)).isEmpty();
  }

  @Test
  @DisplayName("onRemove keep: the audience stays with its members; marked again, the list syncs into it again")
  void removal_can_keep_the_audience() throws IOException {
    start(AudienceRemoval.KEEP);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);
    env.lists.refresh();
    Set<String> members = env.audience(list);

    env.markForSync(list, false);
    env.lists.refresh();

    assertThat(env.audience(list)).isEqualTo(members);
    assertThat(env.connector.store().listAudiences().findAll("lists")).isEmpty();
    env.markForSync(list, true);
    assertThat(env.lists.refresh()).isEqualTo(new MarketingListSync.RefreshOutcome(1, 0, 0));
    assertThat(env.audience(list)).isEqualTo(env.membersInSpotler(list));
  }

  @Test
  @DisplayName("an audience a mailing uses is not deleted; it is tried again at the next refresh, once free")
  void an_audience_in_use_is_deleted_once_free() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);
    env.lists.refresh();
    env.sandbox.mailplus().audiences().inUse(list, true);
    env.markForSync(list, false);

    assertThat(env.lists.refresh()).isEqualTo(new MarketingListSync.RefreshOutcome(0, 0, 0));
    assertThat(env.sandbox.mailplus().audiences().audience(list)).isPresent();

    env.sandbox.mailplus().audiences().inUse(list, false);
    assertThat(env.lists.refresh()).isEqualTo(new MarketingListSync.RefreshOutcome(0, 1, 0));
    assertThat(env.sandbox.mailplus().audiences().audience(list)).isEmpty();
  }

  @Test
  @DisplayName("an audience deleted in Spotler is made again with every member at the next sync")
  void an_audience_deleted_in_spotler_is_made_again() throws IOException {
    start(AudienceRemoval.DELETE);
    String list = env.listId(NEWSLETTER);
    env.markForSync(list, true);
    env.lists.refresh();
    env.removeMembers(list, List.of(env.audience(list).iterator().next()));
    env.spotlerAudiences().delete(list);

    env.lists.refresh();

    assertThat(env.audience(list)).isEqualTo(env.membersInSpotler(list)).isNotEmpty();
  }

  @Test
  @DisplayName("Dataverse without marketing lists: a clear reason, and a refresh refuses with it")
  void a_dataverse_without_marketing_lists_is_named() throws IOException {
    env = new ListSyncFixture(dir, DATA.withMarketingLists(false), AudienceRemoval.DELETE);

    assertThat(env.lists.unavailable()).hasValueSatisfying(reason ->
        assertThat(reason).contains("no marketing lists").contains("Add to List"));
    assertThatThrownBy(env.lists::refresh).isInstanceOf(MarketingListsUnavailableException.class)
        .hasMessageContaining("Dynamics 365 Sales");
  }

  @Test
  @DisplayName("marketing lists without the sync column (install has not run): the reason says to run install")
  void a_list_table_without_the_sync_column_asks_for_install() throws IOException {
    try (Sandbox sandbox = Sandbox.start(DATA);
        Store store = Store.open("jdbc:sqlite:" + dir.resolve("bare.db"))) {
      SandboxOptions o = sandbox.options();
      DataverseClient dataverse = DataverseClient.create(
          DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
              .tokenEndpoint(URI.create(sandbox.tokenUrl())).build());
      SpotlerAudiences audiences = SpotlerAudiences.of(MailPlusClient.create(
          MailPlusConfig.builder(o.consumerKey(), o.consumerSecret()).baseUrl(sandbox.mailplusUrl()).build()));
      MarketingListSync lists = new MarketingListSync(dataverse, audiences, store, (table, id) -> false,
          new ListSyncSettings("bare", ListSyncFixture.FLAG, AudienceRemoval.DELETE), Clock.systemUTC());

      assertThat(lists.unavailable()).hasValueSatisfying(reason ->
          assertThat(reason).contains(ListSyncFixture.FLAG).contains("install"));
    }
  }

  @Test
  @DisplayName("Spotler without audiences (403): a clear reason naming the products that have them")
  void a_spotler_without_audiences_is_named() throws IOException {
    env = new ListSyncFixture(dir, DATA.withSpotlerAudiences(false), AudienceRemoval.DELETE);

    assertThat(env.lists.unavailable()).hasValueSatisfying(reason ->
        assertThat(reason).contains("Automation and eCommerce"));
    assertThat(env.sandbox.mailplus().audiences().all()).isEmpty();
  }
}
