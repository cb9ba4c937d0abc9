package org.spotlerconnector.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.ResultPages;

/**
 * The privileges of security roles through the Web API (Microsoft Learn, Web API reference): privileges found by name
 * in {@code privileges}, as Microsoft's AddPrivilegesRoleRequest example finds {@code prvReadAccount}; what a role
 * holds with the function {@code RetrieveRolePrivilegesRole(RoleId=<id>)}, whose answer lists RolePrivilege complex
 * values ({@code PrivilegeId}, {@code Depth}…); and the bound action
 * {@code POST roles(<id>)/Microsoft.Dynamics.CRM.AddPrivilegesRole} with
 * {@code {"Privileges":[{"PrivilegeId":…,"BusinessUnitId":…,"Depth":"Global"}]}}, which answers 204.
 */
final class PrivilegeGrants {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int PAGE_SIZE = 5_000;

  private final DataverseClient dataverse;

  PrivilegeGrants(DataverseClient dataverse) {
    this.dataverse = dataverse;
  }

  /**
   * The ids of the privileges with these names that the environment has, by {@link #key(String)} of the name. A table
   * the environment lacks (such as {@code list} without Dynamics 365 Sales) has none.
   */
  Map<String, String> ids(Collection<String> names) {
    String filter = names.stream().distinct()
        .map(name -> "name eq '" + name.replace("'", "''") + "'")
        .collect(Collectors.joining(" or "));
    Map<String, String> ids = new HashMap<>();
    ResultPages<ObjectNode> pages = dataverse.query(ODataQuery.of("privileges").select("privilegeid", "name")
        .filter(filter), PAGE_SIZE);
    pages.forEachPage(items -> items.forEach(
        privilege -> ids.put(key(privilege.path("name").asText()), privilege.path("privilegeid").asText())));
    return ids;
  }

  /** The depth at which a role holds each of its privileges, by privilege id. */
  Map<String, RolePrivilege.Depth> held(String roleId) {
    Map<String, RolePrivilege.Depth> held = new HashMap<>();
    dataverse.get("RetrieveRolePrivilegesRole(RoleId=" + roleId + ")").path("RolePrivileges").forEach(
        privilege -> RolePrivilege.Depth.of(privilege.path("Depth").asText())
            .ifPresent(depth -> held.merge(privilege.path("PrivilegeId").asText(), depth, PrivilegeGrants::deeper)));
    return held;
  }

  /** Gives a role these privileges, with their ids, in one call. */
  void add(String roleId, String businessUnitId, List<RolePrivilege> privileges, Map<String, String> ids) {
    ObjectNode parameters = JSON.objectNode();
    ArrayNode list = parameters.putArray("Privileges");
    for (RolePrivilege privilege : privileges) {
      list.addObject()
          .put("PrivilegeId", ids.get(key(privilege.name())))
          .put("BusinessUnitId", businessUnitId)
          .put("Depth", privilege.depth().apiName());
    }
    dataverse.invoke("roles(" + roleId + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", parameters);
  }

  /** Privilege names are compared ignoring case, as Dataverse compares them in queries. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static RolePrivilege.Depth deeper(RolePrivilege.Depth a, RolePrivilege.Depth b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
