package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Change tracking (dataverse-api.md §3) over real HTTP against the Dataverse emulator. */
class DataverseChangeTrackingIntegrationTest {
  private final DataverseSandbox sandbox = new DataverseSandbox();
  private final DataverseClient client =
      DataverseClient.builder(sandbox.settings().pageSize(100).build()).build();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String initialLoad(List<ObjectNode> into) {
    return client.trackChanges(ODataQuery.of("contacts").select("firstname", "lastname"))
        .forEachPage(into::addAll)
        .orElseThrow();
  }

  private List<RowChange> changesSince(String deltaLink, List<String> newDeltaLink) {
    List<RowChange> changes = new ArrayList<>();
    ResultPages<RowChange> pages = client.changesSince(deltaLink);
    newDeltaLink.add(pages.forEachPage(changes::addAll).orElseThrow());
    return changes;
  }

  @Test
  @DisplayName("§3: the initial odata.track-changes load pages like a query; the deltaLink comes on the last page")
  void the_initial_load_pages_and_ends_with_a_delta_link() {
    sandbox.seedContacts(250);
    List<Optional<String>> deltaLinks = new ArrayList<>();
    int rows = 0;

    ResultPages<ObjectNode> pages = client.trackChanges(ODataQuery.of("contacts").select("lastname"));
    while (pages.hasNext()) {
      Page<ObjectNode> page = pages.next();
      rows += page.items().size();
      deltaLinks.add(page.deltaLink());
    }

    assertThat(rows).isEqualTo(250);
    assertThat(deltaLinks).hasSize(3);
    assertThat(deltaLinks.subList(0, 2)).allMatch(Optional::isEmpty);
    assertThat(deltaLinks.get(2)).hasValueSatisfying(link -> assertThat(link).contains("$deltatoken="));
    assertThat(sandbox.apiRequests()).allSatisfy(r ->
        assertThat(DataverseSandbox.header(r, "Prefer")).isEqualTo("odata.track-changes,odata.maxpagesize=100"));
  }

  @Test
  @DisplayName("§3: a delta lists changed rows and $deletedEntity removals, then a new deltaLink")
  void a_delta_returns_updates_creations_and_deletions() {
    List<UUID> ids = sandbox.seedContacts(5);
    List<ObjectNode> initial = new ArrayList<>();
    String deltaLink = initialLoad(initial);
    var contacts = sandbox.dataverse.table("contacts");
    contacts.update(ids.get(1), DataverseSandbox.JSON.createObjectNode().put("firstname", "Changed"));
    contacts.delete(ids.get(3));
    UUID created = contacts.insert(DataverseSandbox.JSON.createObjectNode().put("lastname", "New"));

    List<String> next = new ArrayList<>();
    List<RowChange> changes = changesSince(deltaLink, next);

    assertThat(initial).hasSize(5);
    assertThat(changes).hasSize(3);
    assertThat(changes).filteredOn(RowChange.Upserted.class::isInstance)
        .extracting(c -> ((RowChange.Upserted) c).row().path("contactid").asText())
        .containsExactlyInAnyOrder(ids.get(1).toString(), created.toString());
    assertThat(changes).filteredOn(RowChange.Removed.class::isInstance)
        .containsExactly(new RowChange.Removed(ids.get(3).toString(), "deleted"));
    assertThat(next.get(0)).isNotEqualTo(deltaLink);
    assertThat(changesSince(next.get(0), new ArrayList<>())).isEmpty();
  }

  @Test
  void a_large_delta_is_paged_too() {
    String deltaLink = initialLoad(new ArrayList<>());
    sandbox.seedContacts(230);

    List<Integer> sizes = new ArrayList<>();
    Optional<String> next = client.changesSince(deltaLink).forEachPage(page -> sizes.add(page.size()));

    assertThat(sizes).containsExactly(100, 100, 30);
    assertThat(next).isPresent();
  }

  @Test
  @DisplayName("§3: an expired delta token is a typed error so the caller can do a full resync")
  void an_expired_delta_link_is_reported_as_such() {
    sandbox.seedContacts(2);
    String deltaLink = initialLoad(new ArrayList<>());
    sandbox.dataverse.reset(); // the emulator refuses tokens from before a reset as expired

    assertThatThrownBy(() -> client.changesSince(deltaLink).forEachPage(rows -> {}))
        .isInstanceOf(DeltaTokenExpiredException.class)
        .satisfies(e -> assertThat(((DeltaTokenExpiredException) e).status()).isBetween(400, 499));
  }

  @Test
  @DisplayName("§3: $filter, $orderby, $expand and $top are not allowed with change tracking")
  void refuses_forbidden_options_before_sending() {
    assertThatThrownBy(() -> client.trackChanges(ODataQuery.of("contacts").filter("statecode eq 0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$filter");
    assertThat(sandbox.apiRequests()).isEmpty();
  }

  @Test
  void refuses_a_delta_link_to_another_host_so_the_token_does_not_leak() {
    assertThatThrownBy(() -> client.changesSince("https://elsewhere.example.com/api/data/v9.2/contacts?$deltatoken=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
