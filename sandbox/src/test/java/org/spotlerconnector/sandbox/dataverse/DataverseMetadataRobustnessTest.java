package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad metadata requests must never crash the emulator or change what it holds. */
class DataverseMetadataRobustnessTest extends DataverseHttpTest {
  private static final String CRLF = "\r\n";
  private static final String[] PATHS = {
    "EntityDefinitions", "EntityDefinitions(LogicalName='contact')", "EntityDefinitions(LogicalName='nope')",
    "EntityDefinitions(LogicalName='')", "EntityDefinitions(LogicalName=')", "EntityDefinitions()",
    "EntityDefinitions(%s)", "EntityDefinitions(LogicalName='contact')/Attributes",
    "EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='firstname')",
    "EntityDefinitions(LogicalName='contact')/Attributes(%s)", "EntityDefinitions(LogicalName='contact')/Keys(%s)",
    "EntityDefinitions(LogicalName='lead')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata",
    "EntityDefinitions(LogicalName='lead')/Attributes/Microsoft.Dynamics.CRM.Nope",
    "EntityDefinitions(LogicalName='lead')/Attributes(LogicalName='statecode')/OptionSet",
    "EntityDefinitions(LogicalName='lead')/Attributes(LogicalName='statecode')/Microsoft.Dynamics.CRM."
        + "StateAttributeMetadata/OptionSet/Options",
    "EntityDefinitions(LogicalName='account')/OneToManyRelationships(SchemaName='account_contact_parentcustomerid')",
    "EntityDefinitions/Microsoft.Dynamics.CRM.EntityMetadata", "EntityDefinitions(LogicalName='contact')/",
    "RetrieveTotalRecordCount(EntityNames=@p1)", "RetrieveTotalRecordCount(EntityNames=%5B'contact')",
    "RetrieveTotalRecordCount(EntityNames=%5B%5D)/extra", "RetrieveTotalRecordCount(EntityNames=%5Bnull%5D)"
  };
  private static final String[] QUERIES = {
    "", "$select=", "$select=,,", "$select=*", "$select=LogicalName,LogicalName", "$select=Attributes",
    "$expand=", "$expand=Attributes(", "$expand=Attributes($top=1)", "$expand=Attributes($select=LogicalName;;)",
    "$expand=Attributes($filter=AttributeType eq 'Lookup')", "$expand=OptionSet", "$filter=(((",
    "$filter=LogicalName eq 'a''", "$filter=not not LogicalName ne null", "$filter=IsManaged eq 1",
    "$orderby=LogicalName", "$select=LogicalName&$select=SchemaName", "@p1=%5B%22contact%22%5D", "@p1=%7B%7D",
    "$filter=ObjectTypeCode ge 2 and ObjectTypeCode le 4", "$count=true"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  @DisplayName("random malformed metadata requests get 2xx/4xx Dataverse answers and leave definitions and rows as "
      + "they were")
  void malformed_requests_never_corrupt_state(long seed) {
    Random random = new Random(seed);
    UUID sentinel = create("contacts", "{\"lastname\":\"Sentinel\"}");
    String definitionsBefore = get("EntityDefinitions?$expand=Attributes,Keys,ManyToOneRelationships").body();

    for (int i = 0; i < 120; i++) {
      String path = PATHS[random.nextInt(PATHS.length)].replace("%s", randomKey(random));
      String query = QUERIES[random.nextInt(QUERIES.length)];
      String method = random.nextInt(6) == 0 ? "DELETE" : "GET";
      Reply reply = call(method, query.isEmpty() ? path : path + "?" + query).send();

      String request = method + " " + path + "?" + query + " (seed " + seed + ")";
      assertThat(reply.status()).as(request).isBetween(200, 499);
      if (reply.status() >= 400) {
        assertThat(reply.json().path("error").path("message").asText()).as(request).isNotBlank();
      }
    }

    assertThat(get("EntityDefinitions?$expand=Attributes,Keys,ManyToOneRelationships").body())
        .isEqualTo(definitionsBefore);
    assertThat(get("contacts(" + sentinel + ")?$select=lastname").json().path("lastname").asText())
        .isEqualTo("Sentinel");
    assertThat(emulator.table("contacts").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: metadata requests work inside $batch like any other GET")
  void metadata_requests_work_inside_a_batch() {
    String body =
        "--batch_m" + CRLF + "Content-Type: application/http" + CRLF + "Content-Transfer-Encoding: binary" + CRLF + CRLF
            + "GET " + SERVICE_PATH + "/EntityDefinitions(LogicalName='lead')?$select=EntitySetName HTTP/1.1" + CRLF
            + "Accept: application/json" + CRLF + CRLF
            + "--batch_m--" + CRLF;

    Reply reply = call("POST", "$batch").contentType("multipart/mixed; boundary=\"batch_m\"").body(body).send();

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).contains("HTTP/1.1 200").contains("\"EntitySetName\":\"leads\"");
  }

  private static String randomKey(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> UUID.randomUUID().toString();
      case 1 -> "'" + UUID.randomUUID() + "'";
      case 2 -> "not-a-guid";
      default -> "LogicalName='x''y'";
    };
  }
}
