package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.bool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Marketing lists and their members (dataverse-api.md §4.1–§4.3), over HTTP. */
class DataverseMarketingListConformanceTest extends DataverseHttpTest {
  private UUID ann;
  private UUID bob;
  private UUID lead;

  @BeforeEach
  void arrangeMembers() {
    ann = create("contacts", "{\"lastname\":\"Ann\"}");
    bob = create("contacts", "{\"lastname\":\"Bob\"}");
    lead = create("leads", "{\"lastname\":\"Lee\"}");
  }

  private UUID staticContactList(String name) {
    return create("lists", "{\"listname\":\"" + name + "\",\"createdfromcode\":2,\"type\":false}");
  }

  private Reply addMember(UUID list, UUID member) {
    return post("lists(" + list + ")/Microsoft.Dynamics.CRM.AddMemberList", "{\"EntityId\":\"" + member + "\"}");
  }

  private List<String> memberIds(UUID list) {
    return get("listmembers?$select=_entityid_value&$filter=_listid_value eq " + list).value()
        .findValuesAsText("_entityid_value");
  }

  private int memberCount(UUID list) {
    return get("lists(" + list + ")?$select=membercount").json().path("membercount").asInt(-1);
  }

  @Test
  @DisplayName("§4.1: a list has listname, type (static false / dynamic true), createdfromcode 1/2/4 and query; a new"
      + " static list is active, counts 0 members and excludes opted-out members by default")
  void creates_a_list() {
    UUID list = create("lists", "{\"listname\":\"Newsletter\",\"createdfromcode\":2,\"type\":false,"
        + "\"purpose\":\"Monthly news\"}");

    JsonNode row = get("lists(" + list + ")").json();

    assertThat(row.path("listname").asText()).isEqualTo("Newsletter");
    assertThat(row.path("type").asBoolean()).isFalse();
    assertThat(row.path("createdfromcode").asInt()).isEqualTo(2);
    assertThat(row.path("statecode").asInt()).isZero();
    assertThat(row.path("membercount").asInt()).isZero();
    assertThat(row.path("lockstatus").asBoolean()).isFalse();
    assertThat(row.path("donotsendonoptout").asBoolean()).isTrue();
    assertThat(row.path("_ownerid_value").asText()).isNotBlank();
  }

  @Test
  @DisplayName("§4.1: listname and createdfromcode are required; createdfromcode only takes 1, 2 or 4")
  void requires_a_name_and_a_member_type() {
    assertThat(post("lists", "{\"listname\":\"No type\"}").status()).isEqualTo(400);
    assertThat(post("lists", "{\"createdfromcode\":2}").status()).isEqualTo(400);
    assertThat(post("lists", "{\"listname\":\"Odd\",\"createdfromcode\":3}").status()).isEqualTo(400);
    assertThat(emulator.table("lists").count()).isZero();
  }

  @Test
  @DisplayName("§4.1: type and createdfromcode are not valid for update: an update's values for them are ignored,"
      + " and the metadata says IsValidForUpdate false")
  void type_and_member_type_cannot_change() {
    UUID list = staticContactList("Fixed");

    Reply update = patch("lists(" + list + ")", "{\"type\":true,\"createdfromcode\":1,\"listname\":\"Renamed\"}");

    assertThat(update.status()).as(update.body()).isEqualTo(204);
    JsonNode row = get("lists(" + list + ")?$select=type,createdfromcode,listname").json();
    assertThat(row.path("type").asBoolean()).isFalse();
    assertThat(row.path("createdfromcode").asInt()).isEqualTo(2);
    assertThat(row.path("listname").asText()).isEqualTo("Renamed");
    JsonNode attribute = get("EntityDefinitions(LogicalName='list')/Attributes(LogicalName='createdfromcode')"
        + "?$select=IsValidForCreate,IsValidForUpdate").json();
    assertThat(attribute.path("IsValidForCreate").asBoolean()).isTrue();
    assertThat(attribute.path("IsValidForUpdate").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("§8: a custom column (the sync flag) is added to list through the metadata API like on any table")
  void a_custom_boolean_column_can_be_added_to_list() {
    Reply added = post("EntityDefinitions(LogicalName='list')/Attributes",
        bool("new_SyncToSpotler", "Sync to Spotler", "Yes", "No").toString());
    UUID list = create("lists", "{\"listname\":\"Synced\",\"createdfromcode\":2,\"new_synctospotler\":true}");

    assertThat(added.status()).as(added.body()).isEqualTo(204);
    assertThat(get("lists?$select=listname&$filter=new_synctospotler eq true").value().findValuesAsText("listid"))
        .containsExactly(list.toString());
  }

  @Test
  @DisplayName("§4.1, §3: lists have change tracking; a rename and a membership change show up in the delta")
  void lists_are_change_tracked() {
    UUID renamed = staticContactList("Before");
    UUID grown = staticContactList("Grows");
    staticContactList("Untouched");
    String deltaLink = call("GET", "lists?$select=listname,membercount").prefer("odata.track-changes").send()
        .json().path("@odata.deltaLink").asText();

    patch("lists(" + renamed + ")", "{\"listname\":\"After\"}");
    addMember(grown, ann);
    Reply delta = get(deltaLink);

    assertThat(delta.status()).as(delta.body()).isEqualTo(200);
    assertThat(delta.value().findValuesAsText("listid")).containsExactlyInAnyOrder(renamed.toString(), grown.toString());
    assertThat(delta.value().findValuesAsText("listname")).contains("After");
  }

  @Test
  @DisplayName("§4.3 AddMemberList: bound to the list, {EntityId} → AddMemberListResponse {Id: listmemberid}; the"
      + " member appears in listmembers and membercount counts it")
  void add_member_list() {
    UUID list = staticContactList("Members");

    Reply reply = addMember(list, ann);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#Microsoft.Dynamics.CRM.AddMemberListResponse");
    String listMemberId = reply.json().path("Id").asText();
    JsonNode member = get("listmembers?$filter=_listid_value eq " + list).value().get(0);
    assertThat(member.path("listmemberid").asText()).isEqualTo(listMemberId);
    assertThat(member.path("_entityid_value").asText()).isEqualTo(ann.toString());
    assertThat(member.path("entitytype").asText()).isEqualTo("contact");
    assertThat(memberCount(list)).isEqualTo(1);
  }

  @Test
  @DisplayName("§4.3: adding a member already on the list is no error: the same listmemberid, no second row")
  void adding_a_member_twice_is_no_error() {
    UUID list = staticContactList("Twice");

    String first = addMember(list, ann).json().path("Id").asText();
    Reply again = addMember(list, ann);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("Id").asText()).isEqualTo(first);
    assertThat(memberIds(list)).containsExactly(ann.toString());
    assertThat(memberCount(list)).isEqualTo(1);
  }

  @Test
  @DisplayName("§4.1, §4.3: all members of a list are of its createdfromcode table: a lead is not found among the"
      + " contacts (404), an unknown list is 404")
  void refuses_a_member_of_another_table_and_an_unknown_list() {
    UUID list = staticContactList("Contacts only");

    Reply wrongTable = addMember(list, lead);
    Reply unknownList = addMember(UUID.randomUUID(), ann);

    assertThat(wrongTable.status()).isEqualTo(404);
    assertThat(wrongTable.errorMessage()).isEqualTo("contact With Id = " + lead + " Does Not Exist");
    assertThat(unknownList.status()).isEqualTo(404);
    assertThat(unknownList.errorMessage()).startsWith("list With Id = ");
    assertThat(memberIds(list)).isEmpty();
  }

  @Test
  @DisplayName("§4.1: a locked list takes no members; a dynamic list's members come from its query; an inactive list"
      + " is read-only — each refused with 400")
  void refuses_members_for_locked_dynamic_and_inactive_lists() {
    UUID locked = create("lists", "{\"listname\":\"Locked\",\"createdfromcode\":2,\"lockstatus\":true}");
    UUID dynamic = create("lists", "{\"listname\":\"Dynamic\",\"createdfromcode\":2,\"type\":true,"
        + "\"query\":\"<fetch><entity name='contact'/></fetch>\"}");
    UUID inactive = staticContactList("Inactive");
    patch("lists(" + inactive + ")", "{\"statecode\":1}");

    for (UUID list : List.of(locked, dynamic, inactive)) {
      Reply reply = addMember(list, ann);
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.errorMessage()).contains(list.toString());
    }
    assertThat(emulator.table("listmembers").count()).isZero();
  }

  @Test
  @DisplayName("§4.3 AddListMembersList: unbound, {List:{listid}, Members:[{@odata.type, <pk>}]} → 204; members"
      + " already on the list are skipped")
  void add_list_members_list() {
    UUID list = staticContactList("Bulk");
    addMember(list, ann);

    Reply reply = post("AddListMembersList", "{\"List\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.list\",\"listid\":\""
        + list + "\"},\"Members\":[" + contactMember(ann) + "," + contactMember(bob) + "]}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(memberIds(list)).containsExactlyInAnyOrder(ann.toString(), bob.toString());
    assertThat(memberCount(list)).isEqualTo(2);
  }

  @Test
  @DisplayName("§4.3 AddListMembersList: all or nothing — a member of another type (400), one without @odata.type"
      + " (400) or one that does not exist (404) leaves the list as it was")
  void add_list_members_list_is_all_or_nothing() {
    UUID list = staticContactList("Atomic");
    String listParameter = "{\"List\":{\"listid\":\"" + list + "\"},\"Members\":[" + contactMember(ann) + ",";

    Reply wrongType = post("AddListMembersList",
        listParameter + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.lead\",\"leadid\":\"" + lead + "\"}]}");
    Reply untyped = post("AddListMembersList", listParameter + "{\"contactid\":\"" + bob + "\"}]}");
    Reply missing = post("AddListMembersList", listParameter + contactMember(UUID.randomUUID()) + "]}");

    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorMessage()).contains("'lead'", "'contact'");
    assertThat(untyped.status()).isEqualTo(400);
    assertThat(untyped.errorMessage()).contains("@odata.type");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(memberIds(list)).isEmpty();
    assertThat(memberCount(list)).isZero();
  }

  @Test
  @DisplayName("§4.3 RemoveMemberList: bound to the list, {EntityId} → 204; a member not on the list is no error")
  void remove_member_list() {
    UUID list = staticContactList("Shrinks");
    addMember(list, ann);
    addMember(list, bob);

    Reply removed = post("lists(" + list + ")/Microsoft.Dynamics.CRM.RemoveMemberList",
        "{\"EntityId\":\"" + ann + "\"}");
    Reply notAMember = post("lists(" + list + ")/Microsoft.Dynamics.CRM.RemoveMemberList",
        "{\"EntityId\":\"" + ann + "\"}");

    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(notAMember.status()).isEqualTo(204);
    assertThat(memberIds(list)).containsExactly(bob.toString());
    assertThat(memberCount(list)).isEqualTo(1);
  }

  @Test
  @DisplayName("§4.2 listmember: only Create (POST with listid and entityid binds), Delete and RetrieveMultiple;"
      + " Retrieve and Update are refused; the same member twice is a duplicate key (412)")
  void list_member_messages() {
    UUID list = staticContactList("Direct");
    String body = "{\"listid@odata.bind\":\"/lists(" + list + ")\",\"entityid_contact@odata.bind\":\"/contacts("
        + ann + ")\"}";

    UUID member = create("listmembers", body);
    Reply duplicate = post("listmembers", body);
    Reply retrieve = get("listmembers(" + member + ")");
    Reply update = patch("listmembers(" + member + ")", "{\"name\":\"x\"}");
    Reply delete = delete("listmembers(" + member + ")");

    assertThat(duplicate.status()).isEqualTo(412);
    assertThat(retrieve.status()).isEqualTo(400);
    assertThat(retrieve.errorMessage()).startsWith("The 'Retrieve' method does not support entities of type 'listmember'");
    assertThat(update.status()).isEqualTo(400);
    assertThat(delete.status()).isEqualTo(204);
    assertThat(memberIds(list)).isEmpty();
    assertThat(memberCount(list)).isZero();
  }

  @Test
  @DisplayName("§4.2: a listmember created directly follows the list's rules: the member must be of the list's table")
  void direct_list_member_follows_the_list_rules() {
    UUID list = staticContactList("Direct rules");

    Reply reply = post("listmembers", "{\"listid@odata.bind\":\"/lists(" + list + ")\","
        + "\"entityid_lead@odata.bind\":\"/leads(" + lead + ")\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).contains("'lead'", "'contact'");
  }

  @Test
  @DisplayName("§4.2: deleting a list deletes its members; deleting a contact takes it off every list")
  void deletes_cascade_to_members() {
    UUID gone = staticContactList("Gone");
    UUID kept = staticContactList("Kept");
    addMember(gone, ann);
    addMember(kept, ann);
    addMember(kept, bob);

    assertThat(delete("lists(" + gone + ")").status()).isEqualTo(204);
    assertThat(delete("contacts(" + ann + ")").status()).isEqualTo(204);

    assertThat(get("listmembers?$select=_entityid_value").value().findValuesAsText("_entityid_value"))
        .containsExactly(bob.toString());
    assertThat(memberCount(kept)).isEqualTo(1);
  }

  @Test
  @DisplayName("§4.4: a static list's members can be read page by page from listmembers with a next link")
  void members_page_through_listmembers() {
    UUID list = staticContactList("Paged");
    for (int i = 0; i < 7; i++) {
      addMember(list, create("contacts", "{\"lastname\":\"M" + i + "\"}"));
    }

    Reply first = call("GET", "listmembers?$select=_entityid_value&$filter=_listid_value eq " + list)
        .prefer("odata.maxpagesize=5").send();
    Reply second = call("GET", first.json().path("@odata.nextLink").asText()).prefer("odata.maxpagesize=5").send();

    assertThat(first.value()).hasSize(5);
    assertThat(second.value()).hasSize(2);
    assertThat(second.json().has("@odata.nextLink")).isFalse();
  }

  private static String contactMember(UUID id) {
    return "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"contactid\":\"" + id + "\"}";
  }
}
