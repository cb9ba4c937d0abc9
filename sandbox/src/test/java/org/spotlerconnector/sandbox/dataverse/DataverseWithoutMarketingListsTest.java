package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An environment without Dynamics 365 Sales (dataverse-api.md §4.1: the list tables are "Added by the Marketing
 * Solution"): no lists, no list members, no list actions; FetchXML still works.
 */
class DataverseWithoutMarketingListsTest extends DataverseHttpTest {

  @Override
  DataverseEmulator createEmulator() {
    return new DataverseEmulator(tokens, null, false);
  }

  @Test
  @DisplayName("§4.1: without the Marketing Solution, lists and listmembers are no entity sets (404) and the service"
      + " document does not name them")
  void has_no_list_tables() {
    Reply lists = get("lists");
    Reply definition = get("EntityDefinitions(LogicalName='list')");

    assertThat(lists.status()).isEqualTo(404);
    assertThat(lists.errorMessage()).isEqualTo("Resource not found for the segment 'lists'.");
    assertThat(get("listmembers").status()).isEqualTo(404);
    assertThat(definition.status()).isEqualTo(404);
    assertThat(get("").value().findValuesAsText("name")).doesNotContain("lists", "listmembers").contains("contacts");
  }

  @Test
  @DisplayName("§4.3: without the Marketing Solution the list actions do not exist (404)")
  void has_no_list_actions() {
    Reply add = post("AddListMembersList", "{\"List\":{\"listid\":\"" + UUID.randomUUID() + "\"},\"Members\":[]}");

    assertThat(add.status()).isEqualTo(404);
    assertThat(emulator.hasMarketingLists()).isFalse();
    assertThatThrownBy(emulator::marketingLists).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("§4.4: FetchXML is the platform's, not the Marketing Solution's")
  void fetch_xml_still_works() {
    create("contacts", "{\"lastname\":\"Ann\"}");

    Reply reply = get("contacts?fetchXml=%3Cfetch%3E%3Centity%20name%3D'contact'%2F%3E%3C%2Ffetch%3E");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.value()).hasSize(1);
  }
}
