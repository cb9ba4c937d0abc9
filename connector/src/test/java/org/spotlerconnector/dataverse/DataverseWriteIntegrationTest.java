package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Single-row writes (dataverse-api.md §2.6) over real HTTP against the Dataverse emulator. */
class DataverseWriteIntegrationTest {
  private final DataverseSandbox sandbox = new DataverseSandbox();
  private final DataverseClient client = sandbox.client();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static ObjectNode row() {
    return DataverseSandbox.JSON.createObjectNode();
  }

  private ObjectNode stored(String id) {
    return sandbox.dataverse.table("contacts").get(UUID.fromString(id)).orElseThrow();
  }

  @Test
  @DisplayName("§2.6: create answers 204 with OData-EntityId; the id is read from it")
  void creates_a_row_and_returns_its_id() {
    String id = client.create("contacts", row().put("firstname", "Ada").put("lastname", "Lovelace"));

    assertThat(stored(id).path("lastname").asText()).isEqualTo("Lovelace");
    assertThat(sandbox.apiRequests()).singleElement().satisfies(r ->
        assertThat(DataverseSandbox.header(r, "Content-Type")).isEqualTo("application/json"));
  }

  @Test
  @DisplayName("§2.6: a lookup is set with <nav>@odata.bind")
  void binds_a_lookup() {
    String account = client.create("accounts", row().put("name", "Contoso"));
    ObjectNode contact = row().put("lastname", "Bound");
    Lookups.bind(contact, "parentcustomerid_account", "accounts", RecordKey.id(account));

    String id = client.create("contacts", contact);

    assertThat(stored(id).path("_parentcustomerid_value").asText()).isEqualTo(account);
  }

  @Test
  @DisplayName("§2.6: PATCH with If-Match: * updates only; a missing row is 404 Does Not Exist, not retried")
  void update_never_creates() {
    UUID missing = UUID.randomUUID();

    assertThatThrownBy(() -> client.update("contacts", RecordKey.id(missing), row().put("lastname", "X")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Does Not Exist");
    assertThat(sandbox.apiRequests()).hasSize(1);
    assertThat(sandbox.dataverse.table("contacts").get(missing)).isEmpty();
  }

  @Test
  void update_changes_an_existing_row() {
    String id = client.create("contacts", row().put("lastname", "Before"));

    client.update("contacts", RecordKey.id(id), row().put("lastname", "After"));

    assertThat(stored(id).path("lastname").asText()).isEqualTo("After");
  }

  @Test
  @DisplayName("§2.6: PATCH without conditions is an upsert: it creates a missing row with the given id")
  void upsert_creates_or_updates() {
    UUID id = UUID.randomUUID();

    client.upsert("contacts", RecordKey.id(id), row().put("lastname", "Created"));
    client.upsert("contacts", RecordKey.id(id), row().put("lastname", "Updated"));

    assertThat(stored(id.toString()).path("lastname").asText()).isEqualTo("Updated");
  }

  @Test
  @DisplayName("§2.6: PATCH with a stale If-Match ETag is 412")
  void a_stale_etag_is_a_precondition_failure() {
    String id = client.create("contacts", row().put("lastname", "V1"));
    String etag = client.retrieve("contacts", RecordKey.id(id)).orElseThrow().path("@odata.etag").asText();
    client.update("contacts", RecordKey.id(id), row().put("lastname", "V2"));

    assertThatThrownBy(() -> client.updateIfMatch("contacts", RecordKey.id(id), etag, row().put("lastname", "V3")))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> assertThat(((DataverseException) e).status()).isEqualTo(412));
    assertThat(stored(id).path("lastname").asText()).isEqualTo("V2");
  }

  @Test
  void the_current_etag_lets_the_update_through() {
    String id = client.create("contacts", row().put("lastname", "V1"));
    String etag = client.retrieve("contacts", RecordKey.id(id)).orElseThrow().path("@odata.etag").asText();

    client.updateIfMatch("contacts", RecordKey.id(id), etag, row().put("lastname", "V2"));

    assertThat(stored(id).path("lastname").asText()).isEqualTo("V2");
  }

  @Test
  void a_conditional_update_can_return_the_row_with_its_new_etag_in_one_request() {
    String id = client.create("contacts", row().put("lastname", "V1"));
    String etag = client.retrieve("contacts", RecordKey.id(id)).orElseThrow().path("@odata.etag").asText();

    ObjectNode updated =
        client.updateIfMatchReturning("contacts", RecordKey.id(id), etag, row().put("lastname", "V2"), "lastname");

    assertThat(updated.path("lastname").asText()).isEqualTo("V2");
    assertThat(updated.has("firstname")).as("only the selected columns").isFalse();
    String newEtag = updated.path("@odata.etag").asText();
    assertThat(newEtag).isNotBlank().isNotEqualTo(etag)
        .isEqualTo(client.retrieve("contacts", RecordKey.id(id)).orElseThrow().path("@odata.etag").asText());
    assertThatThrownBy(
        () -> client.updateIfMatchReturning("contacts", RecordKey.id(id), etag, row().put("lastname", "V3")))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void deletes_a_row_and_a_second_delete_reports_it_gone() {
    String id = client.create("contacts", row().put("lastname", "Doomed"));

    assertThat(client.delete("contacts", RecordKey.id(id))).isTrue();
    assertThat(client.delete("contacts", RecordKey.id(id))).isFalse();
    assertThat(sandbox.dataverse.table("contacts").get(UUID.fromString(id))).isEmpty();
  }

  @Test
  @DisplayName("§2.2: a 400 is parsed into BadRequestException with the service's message, and not retried")
  void a_bad_request_is_typed_and_not_retried() {
    assertThatThrownBy(() -> client.create("contacts", row().put("nosuchcolumn", "x")))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.serviceMessage()).isNotEmpty();
        });
    assertThat(sandbox.apiRequests()).hasSize(1);
  }
}
