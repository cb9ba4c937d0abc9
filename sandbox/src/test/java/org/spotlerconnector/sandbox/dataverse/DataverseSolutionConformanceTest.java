package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Publishers, solutions, environment variables and security roles (dataverse-api.md §8;
 * reference/entities/environmentvariabledefinition.md and environmentvariablevalue.md).
 */
class DataverseSolutionConformanceTest extends DataverseHttpTest {

  @Test
  @DisplayName("dataverse-api.md §8: publishers and solutions are created and found by uniquename; every environment "
      + "has the Default solution")
  void creates_and_queries_publishers_and_solutions() {
    UUID publisher = create("publishers", """
        {"uniquename":"spotler","friendlyname":"Spotler","customizationprefix":"spm",
         "customizationoptionvalueprefix":72700}""");
    UUID solution = create("solutions", "{\"uniquename\":\"SpotlerConnector\",\"friendlyname\":\"Spotler Connector\","
        + "\"version\":\"1.0.0.0\",\"publisherid@odata.bind\":\"/publishers(" + publisher + ")\"}");

    JsonNode found = get("solutions?$select=uniquename,version,_publisherid_value&$filter=uniquename eq "
        + "'SpotlerConnector'&$expand=publisherid($select=customizationprefix)").value();
    JsonNode byPrefix = get("publishers?$select=uniquename&$filter=customizationprefix eq 'spm'").value();
    JsonNode defaults = get("solutions?$select=uniquename&$filter=uniquename eq 'Default'").value();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("solutionid").asText()).isEqualTo(solution.toString());
    assertThat(found.get(0).path("_publisherid_value").asText()).isEqualTo(publisher.toString());
    assertThat(found.get(0).path("publisherid").path("customizationprefix").asText()).isEqualTo("spm");
    assertThat(byPrefix.findValuesAsText("uniquename")).containsExactly("spotler");
    assertThat(defaults).hasSize(1);
  }

  @Test
  @DisplayName("dataverse-api.md §8: a publisher's prefix is 2–8 letters or digits (not mscrm) and its option value "
      + "prefix 10000–99999; unique names cannot repeat; a solution needs its publisher")
  void refuses_invalid_publishers_and_solutions() {
    create("publishers", """
        {"uniquename":"spotler","friendlyname":"Spotler","customizationprefix":"spm",
         "customizationoptionvalueprefix":72700}""");

    Reply shortPrefix = post("publishers", """
        {"uniquename":"a","friendlyname":"A","customizationprefix":"x","customizationoptionvalueprefix":10001}""");
    Reply reservedPrefix = post("publishers", """
        {"uniquename":"b","friendlyname":"B","customizationprefix":"mscrmx","customizationoptionvalueprefix":10001}""");
    Reply badOptionPrefix = post("publishers", """
        {"uniquename":"c","friendlyname":"C","customizationprefix":"ccc","customizationoptionvalueprefix":9}""");
    Reply duplicate = post("publishers", """
        {"uniquename":"SPOTLER","friendlyname":"Again","customizationprefix":"spa",
         "customizationoptionvalueprefix":72701}""");
    Reply orphan = post("solutions", "{\"uniquename\":\"Orphan\",\"friendlyname\":\"Orphan\",\"version\":\"1.0\"}");

    assertThat(shortPrefix.status()).isEqualTo(400);
    assertThat(reservedPrefix.status()).isEqualTo(400);
    assertThat(badOptionPrefix.status()).isEqualTo(400);
    assertThat(duplicate.status()).isEqualTo(412);
    assertThat(duplicate.errorMessage()).contains("uniquename");
    assertThat(orphan.status()).isEqualTo(400);
    assertThat(orphan.errorMessage()).contains("publisherid");
    assertThat(emulator.table("publishers").count()).isEqualTo(2);
  }

  @Test
  @DisplayName("dataverse-api.md §8: the documented read pattern $expand=environmentvariabledefinition_"
      + "environmentvariablevalue($select=value) returns the value rows of each definition")
  void expands_environment_variable_values() {
    UUID withValue = create("environmentvariabledefinitions", """
        {"schemaname":"spm_MailPlusApiUrl","displayname":"Mail+ API URL","type":100000000,
         "defaultvalue":"https://restapi.mailplus.nl"}""");
    create("environmentvariabledefinitions",
        "{\"schemaname\":\"spm_BatchSize\",\"type\":100000001,\"defaultvalue\":\"100\"}");
    create("environmentvariablevalues", "{\"schemaname\":\"spm_MailPlusApiUrl\",\"value\":\"https://example.test\","
        + "\"EnvironmentVariableDefinitionId@odata.bind\":\"/environmentvariabledefinitions(" + withValue + ")\"}");

    Reply reply = get("environmentvariabledefinitions?$select=schemaname,defaultvalue,type&$filter=schemaname eq "
        + "'spm_MailPlusApiUrl'&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)");
    Reply withoutValue = get("environmentvariabledefinitions?$select=schemaname&$filter=schemaname eq 'spm_BatchSize'"
        + "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("@odata.context").asText()).isEqualTo(root() + "/$metadata#environmentvariable"
        + "definitions(schemaname,defaultvalue,type,environmentvariabledefinition_environmentvariablevalue(value))");
    JsonNode definition = reply.value().get(0);
    assertThat(definition.path("defaultvalue").asText()).isEqualTo("https://restapi.mailplus.nl");
    JsonNode values = definition.path("environmentvariabledefinition_environmentvariablevalue");
    assertThat(values).hasSize(1);
    assertThat(values.get(0).path("value").asText()).isEqualTo("https://example.test");
    assertThat(values.get(0).has("environmentvariablevalueid")).isTrue();
    assertThat(withoutValue.value().get(0).path("environmentvariabledefinition_environmentvariablevalue").isArray())
        .isTrue();
    assertThat(withoutValue.value().get(0).path("environmentvariabledefinition_environmentvariablevalue")).isEmpty();
  }

  @Test
  @DisplayName("RetrieveEnvironmentVariableValue(DefinitionSchemaName='x') answers {\"Value\":…}: the value row wins "
      + "over the default value")
  void retrieves_environment_variable_values() {
    UUID url = create("environmentvariabledefinitions",
        "{\"schemaname\":\"spm_MailPlusApiUrl\",\"type\":100000000,\"defaultvalue\":\"https://default.test\"}");
    create("environmentvariabledefinitions",
        "{\"schemaname\":\"spm_BatchSize\",\"type\":100000001,\"defaultvalue\":\"100\"}");
    create("environmentvariablevalues", "{\"value\":\"https://value.test\","
        + "\"EnvironmentVariableDefinitionId@odata.bind\":\"/environmentvariabledefinitions(" + url + ")\"}");

    Reply withValue = get("RetrieveEnvironmentVariableValue(DefinitionSchemaName='spm_MailPlusApiUrl')");
    Reply withDefault = get("RetrieveEnvironmentVariableValue(DefinitionSchemaName=@p1)?@p1='spm_BatchSize'");
    Reply unknown = get("RetrieveEnvironmentVariableValue(DefinitionSchemaName='spm_Nope')");
    Reply malformed = get("RetrieveEnvironmentVariableValue(Name='spm_BatchSize')");

    assertThat(withValue.status()).as(withValue.body()).isEqualTo(200);
    assertThat(withValue.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#Microsoft.Dynamics.CRM.RetrieveEnvironmentVariableValueResponse");
    assertThat(withValue.json().path("Value").asText()).isEqualTo("https://value.test");
    assertThat(withDefault.json().path("Value").asText()).isEqualTo("100");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(malformed.status()).isEqualTo(400);
  }

  @Test
  @DisplayName("dataverse-api.md §8: a value row is created and updated through environmentvariablevalues, found by "
      + "its definition's lookup, and what it holds is what the function and the $expand read pattern answer; "
      + "without it the default value applies again")
  void creates_updates_and_deletes_a_value_row() {
    UUID definition = create("environmentvariabledefinitions",
        "{\"schemaname\":\"spm_PollInterval\",\"type\":100000001,\"defaultvalue\":\"60\"}");
    String retrieve = "RetrieveEnvironmentVariableValue(DefinitionSchemaName='spm_PollInterval')";
    String expand = "environmentvariabledefinitions?$select=defaultvalue&$filter=schemaname eq 'spm_PollInterval'"
        + "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)";
    String byDefinition = "environmentvariablevalues?$select=value,_environmentvariabledefinitionid_value"
        + "&$filter=_environmentvariabledefinitionid_value eq " + definition;
    assertThat(get(retrieve).json().path("Value").asText()).isEqualTo("60");

    UUID value = create("environmentvariablevalues", "{\"schemaname\":\"spm_PollInterval\",\"value\":\"30\","
        + "\"EnvironmentVariableDefinitionId@odata.bind\":\"/environmentvariabledefinitions(" + definition + ")\"}");
    JsonNode found = get(byDefinition).value();
    Reply updated = patch("environmentvariablevalues(" + value + ")", "{\"value\":\"15\"}");

    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("environmentvariablevalueid").asText()).isEqualTo(value.toString());
    assertThat(found.get(0).path("value").asText()).isEqualTo("30");
    assertThat(updated.status()).as(updated.body()).isEqualTo(204);
    assertThat(get(retrieve).json().path("Value").asText()).isEqualTo("15");
    assertThat(get(expand).value().get(0).path("environmentvariabledefinition_environmentvariablevalue").get(0)
        .path("value").asText()).isEqualTo("15");
    assertThat(get("environmentvariablevalues(" + value + ")?$select=value&$expand=EnvironmentVariableDefinitionId("
        + "$select=schemaname)").json().path("EnvironmentVariableDefinitionId").path("schemaname").asText())
        .isEqualTo("spm_PollInterval");

    assertThat(delete("environmentvariablevalues(" + value + ")").status()).isEqualTo(204);
    assertThat(get(retrieve).json().path("Value").asText()).isEqualTo("60");
    assertThat(get(byDefinition).value()).isEmpty();
  }

  @Test
  @DisplayName("environmentvariabledefinition.md: schemaname is unique, and a definition has at most one value row")
  void refuses_duplicate_environment_variables() {
    UUID definition = create("environmentvariabledefinitions", "{\"schemaname\":\"spm_Setting\"}");
    create("environmentvariablevalues", "{\"value\":\"1\","
        + "\"EnvironmentVariableDefinitionId@odata.bind\":\"/environmentvariabledefinitions(" + definition + ")\"}");

    Reply sameName = post("environmentvariabledefinitions", "{\"schemaname\":\"spm_setting\"}");
    Reply secondValue = post("environmentvariablevalues", "{\"value\":\"2\","
        + "\"EnvironmentVariableDefinitionId@odata.bind\":\"/environmentvariabledefinitions(" + definition + ")\"}");
    Reply wrongCase = post("environmentvariablevalues", "{\"value\":\"2\","
        + "\"environmentvariabledefinitionid@odata.bind\":\"/environmentvariabledefinitions(" + definition + ")\"}");

    assertThat(sameName.status()).isEqualTo(412);
    assertThat(secondValue.status()).isEqualTo(412);
    assertThat(wrongCase.status()).isEqualTo(400);
    assertThat(emulator.table("environmentvariablevalues").count()).isOne();
  }

  @Test
  @DisplayName("dataverse-api.md §8: security roles are created in a business unit and found by name")
  void creates_and_finds_roles() {
    String rootUnit = get("businessunits?$select=name&$filter=_parentbusinessunitid_value eq null").value().get(0)
        .path("businessunitid").asText();

    UUID bound = create("roles", "{\"name\":\"Spotler Connector\",\"businessunitid@odata.bind\":\"/businessunits("
        + rootUnit + ")\"}");
    UUID defaulted = create("roles", "{\"name\":\"Spotler Reader\"}");
    JsonNode found = get("roles?$select=name,_businessunitid_value&$filter=name eq 'Spotler Connector'").value();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("roleid").asText()).isEqualTo(bound.toString());
    assertThat(found.get(0).path("_businessunitid_value").asText()).isEqualTo(rootUnit);
    assertThat(get("roles(" + defaulted + ")?$select=_businessunitid_value").json().path("_businessunitid_value")
        .asText()).isEqualTo(rootUnit);
    assertThat(get("WhoAmI").json().path("BusinessUnitId").asText()).isEqualTo(rootUnit);
  }

  @Test
  @DisplayName("privilege.md, privileges by entity: every table has prv<Right><SchemaName> privileges, Assign and "
      + "Share only when user-owned; users' are prvReadUser…; a table created through EntityDefinitions gets its own")
  void every_table_has_its_privileges() {
    post("EntityDefinitions", MetadataBodies.table("spm_SpotlerJob", "Spotler Job", "spm_Name").toString());

    JsonNode job = get("privileges?$select=name,accessright&$filter=endswith(name,'spm_SpotlerJob')").value();
    JsonNode contact = get("privileges?$select=name&$filter=endswith(name,'Contact')").value();
    JsonNode users = get("privileges?$select=name&$filter=endswith(name,'User')").value();
    JsonNode publisher = get("privileges?$select=name&$filter=endswith(name,'Publisher')").value();

    assertThat(job.findValuesAsText("name")).containsExactlyInAnyOrder(
        "prvCreatespm_SpotlerJob", "prvReadspm_SpotlerJob", "prvWritespm_SpotlerJob", "prvDeletespm_SpotlerJob",
        "prvAppendspm_SpotlerJob", "prvAppendTospm_SpotlerJob", "prvAssignspm_SpotlerJob", "prvSharespm_SpotlerJob");
    assertThat(accessRight(job, "prvReadspm_SpotlerJob")).isEqualTo(1);
    assertThat(accessRight(job, "prvAppendTospm_SpotlerJob")).isEqualTo(16);
    assertThat(contact.findValuesAsText("name")).contains("prvReadContact", "prvAppendToContact", "prvAssignContact");
    assertThat(users.findValuesAsText("name")).contains("prvReadUser").doesNotContain("prvReadSystemUser");
    assertThat(publisher.findValuesAsText("name")).contains("prvReadPublisher").doesNotContain("prvAssignPublisher");
  }

  @Test
  @DisplayName("AddPrivilegesRole (Web API reference): a role gets privileges at a depth, read back with "
      + "RetrieveRolePrivilegesRole; adding one again keeps one grant and only ever deepens it")
  void adds_privileges_to_a_role() {
    post("EntityDefinitions", MetadataBodies.table("spm_SpotlerJob", "Spotler Job", "spm_Name").toString());
    UUID role = create("roles", "{\"name\":\"Spotler Connector\"}");
    String create = privilegeId("prvCreatespm_SpotlerJob");
    String read = privilegeId("prvReadspm_SpotlerJob");
    String write = privilegeId("prvWritespm_SpotlerJob");

    Reply added = addPrivileges(role, grant(create, "Global"), grant(read, "Basic"), grant(write, "Deep"));
    Reply deeper = addPrivileges(role, grant(read, "Deep"));
    Reply shallower = addPrivileges(role, grant(write, "Local"));
    Reply again = addPrivileges(role, grant(create, "3"));
    Reply held = get("RetrieveRolePrivilegesRole(RoleId=" + role + ")");
    Reply aliased = get("RetrieveRolePrivilegesRole(RoleId=@p1)?@p1=" + role);
    JsonNode grants = get("roleprivilegescollection?$select=privilegeid,privilegedepthmask&$filter=roleid eq "
        + role).value();

    assertThat(List.of(added.status(), deeper.status(), shallower.status(), again.status())).containsOnly(204);
    assertThat(held.status()).as(held.body()).isEqualTo(200);
    assertThat(held.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#Microsoft.Dynamics.CRM.RetrieveRolePrivilegesRoleResponse");
    JsonNode rolePrivileges = held.json().path("RolePrivileges");
    assertThat(rolePrivileges).hasSize(3);
    assertThat(depthOf(rolePrivileges, create)).isEqualTo("Global");
    assertThat(depthOf(rolePrivileges, read)).isEqualTo("Deep");
    assertThat(depthOf(rolePrivileges, write)).isEqualTo("Deep");
    JsonNode createGrant = byPrivilege(rolePrivileges, create);
    assertThat(createGrant.path("PrivilegeName").asText()).isEqualTo("prvCreatespm_SpotlerJob");
    assertThat(createGrant.path("BusinessUnitId").asText()).isEqualTo(rootBusinessUnit());
    assertThat(aliased.json().path("RolePrivileges")).hasSize(3);
    assertThat(grants).hasSize(3);
    assertThat(byPrivilege(grants, "privilegeid", read).path("privilegedepthmask").asInt()).isEqualTo(4);
    assertThat(byPrivilege(grants, "privilegeid", create).path("privilegedepthmask").asInt()).isEqualTo(8);
  }

  @Test
  @DisplayName("AddPrivilegesRole: an unknown role or privilege is 404 and adds nothing; a bad depth or no "
      + "privileges is 400; RetrieveRolePrivilegesRole of an unknown role is 404; grants cannot be written directly")
  void refuses_bad_privilege_requests() {
    UUID role = create("roles", "{\"name\":\"Spotler Connector\"}");
    String read = privilegeId("prvReadContact");

    Reply unknownRole = addPrivileges(UUID.randomUUID(), grant(read, "Global"));
    Reply unknownPrivilege = addPrivileges(role, grant(read, "Global"), grant(UUID.randomUUID().toString(), "Global"));
    Reply badDepth = addPrivileges(role, grant(read, "Everywhere"));
    Reply none = post("roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", "{\"Privileges\":[]}");
    Reply unknownRoleRead = get("RetrieveRolePrivilegesRole(RoleId=" + UUID.randomUUID() + ")");
    Reply malformedRead = get("RetrieveRolePrivilegesRole(Role='x')");

    assertThat(unknownRole.status()).isEqualTo(404);
    assertThat(unknownPrivilege.status()).isEqualTo(404);
    assertThat(badDepth.status()).isEqualTo(400);
    assertThat(none.status()).isEqualTo(400);
    assertThat(unknownRoleRead.status()).isEqualTo(404);
    assertThat(malformedRead.status()).isEqualTo(400);
    assertThat(get("RetrieveRolePrivilegesRole(RoleId=" + role + ")").json().path("RolePrivileges")).isEmpty();
    assertThat(post("privileges", "{\"name\":\"prvMine\"}").status()).isEqualTo(400);
    assertThat(post("roleprivilegescollection", "{\"privilegedepthmask\":8}").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("after a reset the environment gets its system rows back: root business unit, default publisher and "
      + "solution, SDK messages and filters")
  void reset_restores_system_rows() {
    create("publishers", """
        {"uniquename":"spotler","friendlyname":"Spotler","customizationprefix":"spm",
         "customizationoptionvalueprefix":72700}""");
    int messages = emulator.table("sdkmessages").count();
    int filters = emulator.table("sdkmessagefilters").count();

    inspect("POST", "/_sandbox/reset", null);

    assertThat(emulator.table("publishers").count()).isOne();
    assertThat(emulator.table("businessunits").count()).isOne();
    assertThat(emulator.table("solutions").count()).isOne();
    assertThat(emulator.table("sdkmessages").count()).isEqualTo(messages);
    assertThat(emulator.table("sdkmessagefilters").count()).isEqualTo(filters);
  }

  private String privilegeId(String name) {
    JsonNode found = get("privileges?$select=name,accessright&$filter=name eq '" + name + "'").value();
    assertThat(found).as(name).hasSize(1);
    return found.get(0).path("privilegeid").asText();
  }

  private String rootBusinessUnit() {
    return get("businessunits?$select=name&$filter=_parentbusinessunitid_value eq null").value().get(0)
        .path("businessunitid").asText();
  }

  private Reply addPrivileges(UUID role, String... privileges) {
    return post("roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole",
        "{\"Privileges\":[" + String.join(",", privileges) + "]}");
  }

  private String grant(String privilegeId, String depth) {
    return "{\"PrivilegeId\":\"" + privilegeId + "\",\"BusinessUnitId\":\"" + rootBusinessUnit()
        + "\",\"Depth\":\"" + depth + "\"}";
  }

  private static int accessRight(JsonNode privileges, String name) {
    for (JsonNode privilege : privileges) {
      if (privilege.path("name").asText().equals(name)) {
        return privilege.path("accessright").asInt();
      }
    }
    throw new AssertionError("no privilege " + name);
  }

  private static String depthOf(JsonNode rolePrivileges, String privilegeId) {
    return byPrivilege(rolePrivileges, privilegeId).path("Depth").asText();
  }

  private static JsonNode byPrivilege(JsonNode rolePrivileges, String privilegeId) {
    return byPrivilege(rolePrivileges, "PrivilegeId", privilegeId);
  }

  private static JsonNode byPrivilege(JsonNode items, String property, String privilegeId) {
    for (JsonNode item : items) {
      if (item.path(property).asText().equals(privilegeId)) {
        return item;
      }
    }
    throw new AssertionError("no grant of " + privilegeId);
  }
}
