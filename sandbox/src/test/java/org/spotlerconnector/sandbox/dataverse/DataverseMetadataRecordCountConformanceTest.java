package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The unbound function RetrieveTotalRecordCount (Web API reference: RetrieveTotalRecordCount function,
 * RetrieveTotalRecordCountResponse and EntityRecordCountCollection complex types).
 */
class DataverseMetadataRecordCountConformanceTest extends DataverseHttpTest {
  /** {@code ["contact","lead"]}, percent-encoded as a client sends it. */
  private static final String CONTACT_AND_LEAD = "%5B%22contact%22,%22lead%22%5D";

  @BeforeEach
  void addRows() {
    for (int i = 0; i < 4; i++) {
      emulator.table("contacts").insert(json("{\"lastname\":\"Contact " + i + "\"}"));
    }
    emulator.table("leads").insert(json("{\"lastname\":\"Lead\"}"));
  }

  @Test
  @DisplayName("RetrieveTotalRecordCount(EntityNames=@p1) answers an EntityRecordCountCollection with Count, "
      + "IsReadOnly, Keys and Values")
  void counts_the_rows_of_the_named_tables() {
    Reply reply = get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=" + CONTACT_AND_LEAD);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(json(
        "{\"@odata.context\":\"" + root() + "/$metadata#Microsoft.Dynamics.CRM.RetrieveTotalRecordCountResponse\","
            + "\"EntityRecordCountCollection\":{\"Count\":2,\"IsReadOnly\":false,\"Keys\":[\"contact\",\"lead\"],"
            + "\"Values\":[4,1]}}"));
    assertThat(reply.header("Content-Type")).startsWith("application/json; odata.metadata=minimal");
  }

  @Test
  @DisplayName("RetrieveTotalRecordCount takes the array inline too, with single-quoted names")
  void takes_the_names_inline() {
    Reply reply = get("RetrieveTotalRecordCount(EntityNames=%5B'lead'%5D)");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode counts = reply.json().path("EntityRecordCountCollection");
    assertThat(counts.path("Keys").get(0).asText()).isEqualTo("lead");
    assertThat(counts.path("Values").get(0).asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("RetrieveTotalRecordCount counts the rows there are now (the emulator does not snapshot)")
  void follows_creates_and_deletes() {
    UUID created = create("leads", "{\"lastname\":\"Second\"}");
    assertThat(leadCount()).isEqualTo(2);

    delete("leads(" + created + ")");

    assertThat(leadCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: an unknown table name is refused with the Dataverse error JSON")
  void unknown_table_is_refused() {
    Reply reply = get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=%5B%22contact%22,%22xyz%22%5D");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("0x80041102");
    assertThat(reply.errorMessage())
        .isEqualTo("The entity with a name = 'xyz' with namemapping = 'Logical' was not found in the MetadataCache.");
  }

  @Test
  @DisplayName("a missing or malformed EntityNames parameter is refused with 4xx and the Dataverse error JSON")
  void malformed_parameters_are_refused() {
    assertThat(get("RetrieveTotalRecordCount").status()).isEqualTo(404);
    assertThat(get("RetrieveTotalRecordCount()").errorMessage())
        .isEqualTo("Resource not found for the segment 'RetrieveTotalRecordCount'.");
    assertThat(get("RetrieveTotalRecordCount(Names=@p1)?@p1=" + CONTACT_AND_LEAD).status()).isEqualTo(404);
    assertThat(get("RetrieveTotalRecordCount(EntityNames=@p1)").status()).isEqualTo(400);
    assertThat(get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=contact").status()).isEqualTo(400);
    assertThat(get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=%5B1,2%5D").status()).isEqualTo(400);
    assertThat(call("POST", "RetrieveTotalRecordCount(EntityNames=@p1)?@p1=" + CONTACT_AND_LEAD).body("{}").send()
        .status()).isEqualTo(405);
    assertThat(leadCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §1: RetrieveTotalRecordCount needs the bearer token like any other call")
  void refuses_a_request_without_a_token() {
    Reply reply = call("GET", "RetrieveTotalRecordCount(EntityNames=@p1)?@p1=" + CONTACT_AND_LEAD).withoutToken()
        .send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer ");
  }

  private long leadCount() {
    return get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=%5B%22lead%22%5D").json()
        .path("EntityRecordCountCollection").path("Values").get(0).asLong();
  }
}
