package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The bound action {@code roles(<id>)/Microsoft.Dynamics.CRM.AddPrivilegesRole} (Web API reference): the body
 * {@code {"Privileges":[{"PrivilegeId":"…","Depth":"Global"}]}} gives the role each privilege at its depth
 * (PrivilegeDepth Basic, Local, Deep or Global, by name or as 0–3); a privilege the role already has takes the new
 * depth. Answers 204. The grants are rows of {@code roleprivilegescollection} ({@code privilegedepthmask} 1, 2, 4, 8).
 */
final class RolePrivileges {
  static final String ADD_PRIVILEGES = "AddPrivilegesRole";
  private static final Map<String, Integer> DEPTH_MASKS =
      Map.of("Basic", 1, "Local", 2, "Deep", 4, "Global", 8, "0", 1, "1", 2, "2", 4, "3", 8);
  private static final String ROLE = ColumnDefinition.lookupValueProperty("roleid");
  private static final String PRIVILEGE = ColumnDefinition.lookupValueProperty("privilegeid");

  private final DataverseStore store;
  private final Records records;

  RolePrivileges(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  void add(TableStore roles, String keyText, JsonNode body, CallContext context) {
    TableStore privileges = table(SystemTables.PRIVILEGE);
    TableStore grants = table(SystemTables.ROLE_PRIVILEGE);
    JsonNode requested = body.path("Privileges");
    if (!requested.isArray() || requested.isEmpty()) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "AddPrivilegesRole needs a Privileges array with at least one privilege.");
    }
    EntityKey key = EntityKey.parse(keyText, roles.definition());
    store.transaction(
        () -> {
          Row role = records.find(roles, key).orElseThrow(() -> Records.notFound(roles.definition(), key));
          for (JsonNode privilege : requested) {
            UUID privilegeId = privilegeId(privileges, privilege);
            int mask = depthMask(privilege.path("Depth"));
            ObjectNode grant = Json.object().put("privilegedepthmask", mask);
            Optional<Row> existing =
                grants.rows().stream()
                    .filter(r -> role.id().toString().equals(r.values().path(ROLE).asText(null))
                        && privilegeId.toString().equals(r.values().path(PRIVILEGE).asText(null)))
                    .findFirst();
            if (existing.isPresent()) {
              records.update(grants, existing.get(), PayloadReader.readStoredForm(grants.definition(), grant),
                  context.userId());
            } else {
              grant.put(ROLE, role.id().toString()).put(PRIVILEGE, privilegeId.toString());
              records.create(grants, grantId(role.id(), privilegeId),
                  PayloadReader.readStoredForm(grants.definition(), grant), context.userId());
            }
          }
          return null;
        });
  }

  private static UUID privilegeId(TableStore privileges, JsonNode privilege) {
    Optional<UUID> id = ColumnValues.parseGuid(privilege.path("PrivilegeId").asText(""));
    if (id.isEmpty()) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "Every privilege needs a PrivilegeId, the id of a row of privileges.");
    }
    if (privileges.get(id.get()) == null) {
      throw DataverseException.recordNotFound(privileges.definition(), id.get());
    }
    return id.get();
  }

  private static int depthMask(JsonNode depth) {
    Integer mask = DEPTH_MASKS.get(depth.asText(""));
    if (mask == null) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY,
          "The Depth '" + depth.asText() + "' is not a PrivilegeDepth: use Basic, Local, Deep or Global.");
    }
    return mask;
  }

  private TableStore table(String logicalName) {
    return store.byLogicalName(logicalName).orElseThrow();
  }

  private static UUID grantId(UUID role, UUID privilege) {
    return UUID.nameUUIDFromBytes(("roleprivilege " + role + " " + privilege).getBytes(StandardCharsets.UTF_8));
  }
}
