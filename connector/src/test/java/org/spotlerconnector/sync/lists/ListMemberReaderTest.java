package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.MarketingListTables;
import org.spotlerconnector.sandbox.http.RequestLog;

/** Reading who is on a list over real HTTP, past one page of 5,000 (dataverse-api.md §4.2, §4.4). */
class ListMemberReaderTest {
  private static final int CONTACTS = 12_000;
  private static Sandbox sandbox;
  private static ListMemberReader reader;
  private static final List<UUID> ids = new ArrayList<>();
  private static final Set<String> inDelft = new HashSet<>();

  @BeforeAll
  static void arrange() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      UUID id = UUID.randomUUID();
      ids.add(id);
      String city = i % 2 == 0 ? "Delft" : "Gent";
      if (city.equals("Delft")) {
        inDelft.add(id.toString());
      }
      rows.add(JsonNodeFactory.instance.objectNode().put("contactid", id.toString()).put("lastname", "Member " + i)
          .put("address1_city", city));
    }
    sandbox.dataverse().table("contacts").insertAll(rows);
    SandboxOptions o = sandbox.options();
    reader = new ListMemberReader(DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build()));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("a static list of 12,000 members: listmembers in 3 pages, every member once")
  void reads_a_static_list_page_by_page() {
    UUID list = sandbox.dataverse().marketingLists().createStatic("Everyone", MarketingListTables.CONTACT);
    sandbox.dataverse().marketingLists().addMembers(list, ids);
    long mark = log().lastSequence();

    Set<String> members = reader.members(
        new MarketingList(list.toString(), "Everyone", SourceTable.CONTACT, Optional.empty(), true));

    assertThat(members).hasSize(CONTACTS).containsAll(ids.stream().map(UUID::toString).toList());
    assertThat(log().since(mark)).extracting(RequestLog.Entry::path).allMatch(path -> path.endsWith("/listmembers"))
        .hasSize(3);
  }

  @Test
  @DisplayName("a dynamic list selecting 6,000 contacts: its FetchXML in 2 pages, the second with the paging cookie")
  void reads_a_dynamic_list_with_paging_cookies() {
    String query = "<fetch><entity name='contact'><attribute name='fullname'/><order attribute='lastname'/>"
        + "<filter><condition attribute='address1_city' operator='eq' value='Delft'/></filter></entity></fetch>";
    long mark = log().lastSequence();

    Set<String> members = reader.members(
        new MarketingList(UUID.randomUUID().toString(), "Delft", SourceTable.CONTACT, Optional.of(query), true));

    List<RequestLog.Entry> calls = log().since(mark);
    assertThat(members).isEqualTo(inDelft);
    assertThat(calls).hasSize(2).allMatch(call -> call.path().endsWith("/contacts"));
    assertThat(calls.get(1).query()).contains("paging-cookie");
  }

  private static RequestLog log() {
    return sandbox.dataverseServer().requestLog();
  }
}
