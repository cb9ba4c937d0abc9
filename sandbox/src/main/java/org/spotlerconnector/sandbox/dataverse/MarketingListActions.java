package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The marketing list actions of the Web API (dataverse-api.md §4.3):
 *
 * <ul>
 *   <li>{@code POST lists(<id>)/Microsoft.Dynamics.CRM.AddMemberList} with {@code {"EntityId":"<member id>"}} answers
 *       {@code AddMemberListResponse} {@code {"Id":"<listmemberid>"}}; for a member already on the list, the existing
 *       list member's id.
 *   <li>{@code POST AddListMembersList} (unbound, no return value: 204) with {@code List} (a list entity) and
 *       {@code Members} (a collection of crmbaseentity). The Web API reference gives only the parameter names and
 *       types, not a body; the emulator takes the OData form for entity-typed parameters, the same as CreateMultiple
 *       targets: {@code {"List":{"listid":"…"},"Members":[{"@odata.type":"Microsoft.Dynamics.CRM.contact",
 *       "contactid":"…"}]}}. Because crmbaseentity is abstract, every member needs its {@code @odata.type}; the list's
 *       is optional. All members are added, or none.
 *   <li>{@code POST lists(<id>)/Microsoft.Dynamics.CRM.RemoveMemberList} with {@code {"EntityId":"<member id>"}}
 *       answers 204. The SDK message has {@code ListId} and {@code EntityId} ("the ID of the member to be removed");
 *       the Web API action exists when Dynamics 365 apps are enabled and, as AddMemberList, is bound to the list. A
 *       member that is not on the list is no error.
 * </ul>
 */
final class MarketingListActions {
  static final String ADD_MEMBER = "AddMemberList";
  static final String ADD_MEMBERS = "AddListMembersList";
  static final String REMOVE_MEMBER = "RemoveMemberList";
  private static final String TYPE_NAMESPACE = "Microsoft.Dynamics.CRM.";
  private static final String ODATA_TYPE = "@odata.type";

  private final DataverseStore store;
  private final Records records;
  private final ListMembership membership;

  MarketingListActions(DataverseStore store, Records records, ListMembership membership) {
    this.store = store;
    this.records = records;
    this.membership = membership;
  }

  /** Whether an action is one of the bound list actions. */
  static boolean isBound(String action) {
    return action.equals(ADD_MEMBER) || action.equals(REMOVE_MEMBER);
  }

  /** A bound action on one list; answers the response body, or null for 204. */
  ObjectNode bound(String action, TableStore lists, String keyText, JsonNode body, CallContext context) {
    UUID memberId = guidParameter(body, "EntityId", action);
    EntityKey key = EntityKey.parse(keyText, lists.definition());
    return store.transaction(
        () -> {
          Row list = records.find(lists, key).orElseThrow(() -> Records.notFound(lists.definition(), key));
          if (action.equals(REMOVE_MEMBER)) {
            membership.remove(list.id(), List.of(memberId), context.userId());
            return null;
          }
          UUID listMemberId = membership.add(list.id(), List.of(memberId), context.userId()).get(0);
          ObjectNode response = Json.object();
          response.put("@odata.context", context.metadataUrl() + "#Microsoft.Dynamics.CRM.AddMemberListResponse");
          response.put("Id", listMemberId.toString());
          return response;
        });
  }

  /** {@code AddListMembersList}. */
  void addListMembers(JsonNode body, CallContext context) {
    UUID listId = listParameter(body.path("List"));
    JsonNode members = body.path("Members");
    if (!members.isArray()) {
      throw parameterError("AddListMembersList needs 'Members', a collection of entities.");
    }
    store.transaction(
        () -> {
          String memberTable = membership.memberTable(membership.list(listId));
          List<UUID> memberIds = new ArrayList<>();
          for (JsonNode member : members) {
            memberIds.add(memberId(member, memberTable));
          }
          return membership.add(listId, memberIds, context.userId());
        });
  }

  private static UUID listParameter(JsonNode list) {
    if (!list.isObject()) {
      throw parameterError("AddListMembersList needs 'List', a list entity such as {\"listid\":\"<id>\"}.");
    }
    JsonNode type = list.get(ODATA_TYPE);
    if (type != null && !typeName(type).equals(TYPE_NAMESPACE + MarketingListTables.LIST)) {
      throw parameterError("The 'List' parameter must be of type '" + TYPE_NAMESPACE + "list', not '"
          + type.asText() + "'.");
    }
    return guidParameter(list, "listid", "AddListMembersList");
  }

  private static UUID memberId(JsonNode member, String memberTable) {
    if (!member.isObject() || !member.path(ODATA_TYPE).isTextual()) {
      throw parameterError("Each item of 'Members' must be an entity with an '@odata.type' annotation, e.g. '"
          + TYPE_NAMESPACE + memberTable + "': crmbaseentity is abstract.");
    }
    String type = typeName(member.get(ODATA_TYPE));
    if (!type.startsWith(TYPE_NAMESPACE)) {
      throw parameterError("The type '" + type + "' of an item of 'Members' is not an entity type.");
    }
    String table = type.substring(TYPE_NAMESPACE.length());
    if (!table.equals(memberTable)) {
      throw MarketingListRules.wrongMemberTable(table, memberTable);
    }
    return guidParameter(member, memberTable + "id", "AddListMembersList");
  }

  private static String typeName(JsonNode type) {
    String text = type.asText();
    return text.startsWith("#") ? text.substring(1) : text;
  }

  private static UUID guidParameter(JsonNode body, String name, String action) {
    JsonNode value = body.path(name);
    if (!value.isTextual()) {
      throw parameterError(action + " needs '" + name + "', an Edm.Guid.");
    }
    return ColumnValues.parseGuid(value.asText())
        .orElseThrow(() -> parameterError("Cannot convert the literal '" + value.asText() + "' to the expected type"
            + " 'Edm.Guid'."));
  }

  private static DataverseException parameterError(String message) {
    return DataverseException.badRequest(DataverseException.ODATA_QUERY, message);
  }
}
