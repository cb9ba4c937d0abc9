package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The privileges of security roles (Web API reference):
 *
 * <ul>
 *   <li>the bound action {@code roles(<id>)/Microsoft.Dynamics.CRM.AddPrivilegesRole} with
 *       {@code {"Privileges":[{"PrivilegeId":"…","BusinessUnitId":"…","Depth":"Global"}]}} (RolePrivilege complex
 *       type; PrivilegeDepth Basic 0, Local 1, Deep 2, Global 3, by name or number) answers 204. An unknown role or
 *       privilege is refused with 404 and nothing is added. The reference says only that it "adds a set of existing
 *       privileges to an existing role"; the emulator reads that as never taking access away: a privilege the role
 *       holds keeps one grant, at the deeper of its depth and the requested one. RecordFilter depths are not
 *       emulated. The privileges take effect in the role's own business unit, whatever {@code BusinessUnitId} says.
 *   <li>the function {@code RetrieveRolePrivilegesRole(RoleId=<id>)} (also {@code RoleId=@p1?@p1=<id>}) answers
 *       {@code RetrieveRolePrivilegesRoleResponse} {@code {"RolePrivileges":[RolePrivilege…]}}.
 * </ul>
 *
 * <p>The grants are rows of {@code roleprivilegescollection} ({@code roleid}, {@code privilegeid},
 * {@code privilegedepthmask} 1, 2, 4 or 8), which can be queried but not written.
 */
final class RolePrivileges {
  static final String ADD_PRIVILEGES = "AddPrivilegesRole";
  static final String RETRIEVE_PRIVILEGES = "RetrieveRolePrivilegesRole";
  /** The PrivilegeDepth names in order, and the depth masks of roleprivileges that stand for them. */
  private static final List<String> DEPTHS = List.of("Basic", "Local", "Deep", "Global");
  private static final Map<String, Integer> MASKS =
      Map.of("Basic", 1, "Local", 2, "Deep", 4, "Global", 8, "0", 1, "1", 2, "2", 4, "3", 8);
  private static final Pattern ROLE_PARAMETER = Pattern.compile("\\s*RoleId\\s*=\\s*(.+?)\\s*");
  private static final String BUSINESS_UNIT = ColumnDefinition.lookupValueProperty("businessunitid");
  private static final String ROLE = "roleid";
  private static final String PRIVILEGE = "privilegeid";
  private static final String DEPTH_MASK = "privilegedepthmask";

  private final DataverseStore store;
  private final Records records;

  RolePrivileges(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  void add(TableStore roles, String keyText, JsonNode body, CallContext context) {
    JsonNode requested = body.path("Privileges");
    if (!requested.isArray() || requested.isEmpty()) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "AddPrivilegesRole needs a Privileges array with at least one privilege.");
    }
    EntityKey key = EntityKey.parse(keyText, roles.definition());
    store.transaction(
        () -> {
          Row role = records.find(roles, key).orElseThrow(() -> Records.notFound(roles.definition(), key));
          TableStore privileges = table(SystemTables.PRIVILEGE);
          TableStore grants = table(SystemTables.ROLE_PRIVILEGE);
          for (JsonNode privilege : requested) {
            UUID privilegeId = privilegeId(privileges, privilege);
            int mask = depthMask(privilege.path("Depth"));
            Optional<Row> existing = grant(grants, role.id(), privilegeId);
            if (existing.isEmpty()) {
              ObjectNode grant = Json.object()
                  .put(ROLE, role.id().toString())
                  .put(PRIVILEGE, privilegeId.toString())
                  .put(DEPTH_MASK, mask);
              records.create(grants, grantId(role.id(), privilegeId),
                  PayloadReader.readStoredForm(grants.definition(), grant), context.userId());
            } else if (existing.get().values().path(DEPTH_MASK).asInt() < mask) {
              ObjectNode deeper = Json.object().put(DEPTH_MASK, mask);
              records.update(grants, existing.get(), PayloadReader.readStoredForm(grants.definition(), deeper),
                  context.userId());
            }
          }
          return null;
        });
  }

  /**
   * @param parameterText the text between the function's parentheses, or null
   * @param aliases the request's parameter aliases ({@code @p1} → the role id)
   */
  ObjectNode retrieve(String parameterText, Map<String, String> aliases, CallContext context) {
    UUID roleId = roleId(parameterText, aliases);
    return store.read(
        () -> {
          TableStore roles = table(SystemTables.ROLE);
          Row role = roles.get(roleId);
          if (role == null) {
            throw DataverseException.recordNotFound(roles.definition(), roleId);
          }
          TableStore privileges = table(SystemTables.PRIVILEGE);
          ObjectNode body = Json.object();
          body.put(
              "@odata.context", context.metadataUrl() + "#Microsoft.Dynamics.CRM." + RETRIEVE_PRIVILEGES + "Response");
          ArrayNode held = body.putArray("RolePrivileges");
          for (Row grant : table(SystemTables.ROLE_PRIVILEGE).rows()) {
            if (!roleId.toString().equals(grant.values().path(ROLE).asText(null))) {
              continue;
            }
            String privilegeId = grant.values().path(PRIVILEGE).asText();
            Row privilege = privileges.get(UUID.fromString(privilegeId));
            held.addObject()
                .put("Depth", depthName(grant.values().path(DEPTH_MASK).asInt()))
                .put("PrivilegeId", privilegeId)
                .put("BusinessUnitId", role.values().path(BUSINESS_UNIT).asText(null))
                .put("PrivilegeName", privilege == null ? null : privilege.values().path("name").asText(null))
                .putNull("RecordFilterId")
                .putNull("RecordFilterUniqueName");
          }
          return body;
        });
  }

  private static Optional<Row> grant(TableStore grants, UUID role, UUID privilege) {
    return grants.rows().stream()
        .filter(r -> role.toString().equals(r.values().path(ROLE).asText(null))
            && privilege.toString().equals(r.values().path(PRIVILEGE).asText(null)))
        .findFirst();
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
    Integer mask = MASKS.get(depth.asText(""));
    if (mask == null) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY,
          "The Depth '" + depth.asText() + "' is not a PrivilegeDepth: use Basic, Local, Deep or Global.");
    }
    return mask;
  }

  /** The PrivilegeDepth of a depth mask: 1 → Basic, 2 → Local, 4 → Deep, 8 → Global. */
  private static String depthName(int mask) {
    return DEPTHS.get(Integer.numberOfTrailingZeros(mask));
  }

  private static UUID roleId(String parameterText, Map<String, String> aliases) {
    Matcher matcher = ROLE_PARAMETER.matcher(parameterText == null ? "" : parameterText);
    String literal = matcher.matches() ? matcher.group(1) : "";
    if (literal.startsWith("@")) {
      literal = aliases.getOrDefault(literal, "");
    }
    return ColumnValues.parseGuid(literal).orElseThrow(() -> DataverseException.badRequest(
        DataverseException.ODATA_QUERY,
        "The function " + RETRIEVE_PRIVILEGES + " needs the parameter RoleId, a role's id, e.g. "
            + RETRIEVE_PRIVILEGES + "(RoleId=00000000-0000-0000-0000-000000000001)."));
  }

  private TableStore table(String logicalName) {
    return store.byLogicalName(logicalName).orElseThrow();
  }

  private static UUID grantId(UUID role, UUID privilege) {
    return UUID.nameUUIDFromBytes(("roleprivilege " + role + " " + privilege).getBytes(StandardCharsets.UTF_8));
  }
}
