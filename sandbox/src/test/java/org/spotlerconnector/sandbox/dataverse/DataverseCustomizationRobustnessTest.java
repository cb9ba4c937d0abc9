package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Bad customization and registration requests never crash the emulator or corrupt it: every answer is a 2xx or a
 * 4xx in the Dataverse error format, and the environment stays usable. Each run is driven by a seed, which a failure
 * names.
 */
class DataverseCustomizationRobustnessTest extends DataverseHttpTest {
  private static final String[] JUNK = {"", "{", "[]", "null", "\"x\"", "42", "{\"a\":", "{}", "[{}]", "\u0000"};
  private static final JsonNode[] ODD_VALUES = {
    Json.MAPPER.nullNode(), Json.MAPPER.getNodeFactory().numberNode(42), Json.MAPPER.getNodeFactory().textNode("x"),
    Json.MAPPER.getNodeFactory().booleanNode(true), Json.array(), Json.object(),
    Json.MAPPER.getNodeFactory().textNode("' or 1 eq 1"), Json.MAPPER.getNodeFactory().textNode("x".repeat(5_000)),
    Json.MAPPER.getNodeFactory().numberNode(-1)
  };

  /** One kind of request: where it goes and a valid body to start from. */
  private record Target(String method, String path, ObjectNode validBody) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33})
  @DisplayName("malformed bodies (not JSON objects) sent to every write endpoint are refused with 4xx and change "
      + "nothing")
  void junk_bodies_change_nothing(long seed) {
    Random random = new Random(seed);
    List<Target> targets = install();
    String definitionsBefore = definitions();
    String rowsBefore = inspect("GET", "/_sandbox/tables", null).body();

    for (int i = 0; i < 60; i++) {
      Target target = targets.get(random.nextInt(targets.size()));
      String body = JUNK[random.nextInt(JUNK.length)];
      Reply reply = call(target.method(), target.path()).header("MSCRM.SolutionUniqueName", "Base").body(body).send();

      String request = target.method() + " " + target.path() + " " + body + " (seed " + seed + ")";
      assertThat(reply.status()).as(request).isBetween(400, 499);
      assertThat(reply.errorMessage()).as(request).isNotBlank();
    }

    assertThat(definitions()).isEqualTo(definitionsBefore);
    assertThat(inspect("GET", "/_sandbox/tables", null).body()).isEqualTo(rowsBefore);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {41, 42, 43, 44})
  @DisplayName("valid bodies with a field removed or given an odd value get 2xx or 4xx answers, and every table stays "
      + "readable and its rows intact")
  void mutated_bodies_leave_a_usable_environment(long seed) {
    Random random = new Random(seed);
    List<Target> targets = install();
    UUID sentinel = create("spm_bases", "{\"spm_name\":\"Sentinel\",\"spm_code\":\"S-1\"}");

    for (int i = 0; i < 80; i++) {
      Target target = targets.get(random.nextInt(targets.size()));
      ObjectNode body = mutate(target.validBody().deepCopy(), random);
      Reply reply =
          call(target.method(), target.path()).header("MSCRM.SolutionUniqueName", "Base").body(body.toString()).send();

      String request = target.method() + " " + target.path() + " " + body + " (seed " + seed + ")";
      assertThat(reply.status()).as(request).isBetween(200, 499);
      if (reply.status() >= 400) {
        assertThat(reply.errorMessage()).as(request).isNotBlank();
      }
    }

    Reply tables = get("EntityDefinitions?$select=EntitySetName&$expand=Attributes($select=LogicalName),Keys,"
        + "ManyToOneRelationships");
    assertThat(tables.status()).as(tables.body()).isEqualTo(200);
    for (JsonNode table : tables.value()) {
      String set = table.path("EntitySetName").asText();
      assertThat(get(set + "?$top=1").status()).as(set + " (seed " + seed + ")").isEqualTo(200);
    }
    assertThat(get("spm_bases(" + sentinel + ")?$select=spm_name").json().path("spm_name").asText())
        .isEqualTo("Sentinel");
    assertThat(get("spm_bases(spm_code='S-1')?$select=spm_name").status()).isEqualTo(200);
  }

  /** A publisher, a solution and a table with a text column and a key, and a valid body for every write endpoint. */
  private List<Target> install() {
    UUID publisher = create("publishers", "{\"uniquename\":\"base\",\"friendlyname\":\"Base\","
        + "\"customizationprefix\":\"spm\",\"customizationoptionvalueprefix\":72700}");
    create("solutions", "{\"uniquename\":\"Base\",\"friendlyname\":\"Base\",\"version\":\"1.0\","
        + "\"publisherid@odata.bind\":\"/publishers(" + publisher + ")\"}");
    String table = "EntityDefinitions(LogicalName='spm_base')";
    call("POST", "EntityDefinitions").header("MSCRM.SolutionUniqueName", "Base")
        .body(MetadataBodies.table("spm_Base", "Base", "spm_Name").toString()).send();
    call("POST", table + "/Attributes").body(MetadataBodies.string("spm_Code", "Code", 20).toString()).send();
    ObjectNode key = Json.object().put("SchemaName", "spm_code_key");
    key.set("KeyAttributes", Json.array().add("spm_code"));
    assertThat(call("POST", table + "/Keys").body(key.toString()).send().status()).isEqualTo(204);
    UUID endpoint = create("serviceendpoints", "{\"name\":\"hook\",\"url\":\"http://127.0.0.1:9/hook\","
        + "\"contract\":8,\"authtype\":4,\"authvalue\":\"k\"}");

    ObjectNode status = Json.object().put("EntityLogicalName", "spm_base").put("StateCode", 0);
    status.set("Label", MetadataBodies.label("Queued"));
    ObjectNode newKey = Json.object().put("SchemaName", "spm_name_key");
    newKey.set("KeyAttributes", Json.array().add("spm_name"));
    ObjectNode step = Json.object()
        .put("name", "step")
        .put("stage", 40)
        .put("mode", 1)
        .put("eventhandler_serviceendpoint@odata.bind", "/serviceendpoints(" + endpoint + ")")
        .put("sdkmessageid@odata.bind", "/sdkmessages(" + SystemRows.messageId("Create") + ")");
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("POST", "EntityDefinitions", MetadataBodies.table("spm_Other", "Other", "spm_Name")));
    targets.add(new Target("PUT", table, MetadataBodies.table("spm_Base", "Base", "spm_Name")));
    targets.add(new Target("POST", table + "/Attributes", MetadataBodies.string("spm_More", "More", 30)));
    targets.add(new Target("POST", table + "/Attributes", MetadataBodies.picklist(
        "PicklistAttributeMetadata", "spm_Kind", "Kind", 727000000, "A", 727000001, "B")));
    targets.add(new Target("PUT", table + "/Attributes(LogicalName='spm_code')",
        MetadataBodies.string("spm_Code", "Code", 40)));
    targets.add(new Target("POST", table + "/Keys", newKey));
    targets.add(new Target("POST", "RelationshipDefinitions",
        MetadataBodies.relationship("spm_account_spm_base", "account", "spm_base", "spm_AccountId", "Account")));
    targets.add(new Target("POST", "CreateCustomerRelationships",
        MetadataBodies.customerLookup("spm_base", "spm_CustomerId", "spm")));
    targets.add(new Target("POST", "InsertStatusValue", status));
    ObjectNode relabel = Json.object().put("EntityLogicalName", "spm_base").put("AttributeLogicalName", "statuscode")
        .put("Value", 1).put("MergeLabels", true);
    relabel.set("Label", MetadataBodies.label("Open"));
    targets.add(new Target("POST", "UpdateOptionValue", relabel));
    UUID role = create("roles", "{\"name\":\"Base\"}");
    ObjectNode privileges = Json.object();
    privileges.putArray("Privileges").addObject()
        .put("PrivilegeId", SystemRows.privilegeId("prvReadspm_Base").toString()).put("Depth", "Global");
    targets.add(new Target("POST", "roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", privileges));
    targets.add(new Target("POST", "publishers", Json.object().put("uniquename", "p2").put("friendlyname", "P2")
        .put("customizationprefix", "ppp").put("customizationoptionvalueprefix", 12345)));
    targets.add(new Target("POST", "serviceendpoints", Json.object().put("name", "h2").put("contract", 8)
        .put("url", "https://example.test/h").put("authtype", 5)
        .put("authvalue", "<settings><setting name=\"a\" value=\"b\"/></settings>")));
    targets.add(new Target("POST", "sdkmessageprocessingsteps", step));
    targets.add(new Target("POST", "environmentvariabledefinitions",
        Json.object().put("schemaname", "spm_Setting").put("type", 100000000).put("defaultvalue", "x")));
    return targets;
  }

  /** Removes a field, or gives one (possibly nested one level) an odd value. */
  private static ObjectNode mutate(ObjectNode body, Random random) {
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    if (fields.isEmpty()) {
      return body;
    }
    String field = fields.get(random.nextInt(fields.size()));
    switch (random.nextInt(3)) {
      case 0 -> body.remove(field);
      case 1 -> body.set(field, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
      default -> {
        if (body.get(field) instanceof ObjectNode nested && nested.size() > 0) {
          mutate(nested, random);
        } else {
          body.set(field, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
        }
      }
    }
    return body;
  }

  private String definitions() {
    return get("EntityDefinitions?$expand=Attributes,Keys,ManyToOneRelationships").body();
  }
}
