package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.batch.BatchOperation;
import org.spotlerconnector.dataverse.batch.BatchOperationResponse;
import org.spotlerconnector.dataverse.batch.BatchRequest;
import org.spotlerconnector.dataverse.batch.BatchResponse;

/** {@code $batch} (dataverse-api.md §2.7) and the bulk messages (§2.8) against the Dataverse emulator. */
class DataverseBatchIntegrationTest {
  private final DataverseSandbox sandbox = new DataverseSandbox();
  private final RequestBudget budget = new RequestBudget(BudgetSettings.DEFAULTS, sandbox.clock, DataverseMetrics.NONE);
  private final DataverseClient client = DataverseClient.builder(sandbox.settings().bulkChunkSize(1_000).build())
      .budget(budget)
      .build();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static ObjectNode contact(String lastname) {
    return DataverseSandbox.JSON.createObjectNode().put("lastname", lastname);
  }

  private long requestsTo(String pathSuffix) {
    return sandbox.apiRequests().stream().filter(r -> r.path().endsWith(pathSuffix)).count();
  }

  @Test
  @DisplayName("§2.7: a change set creates rows atomically and may refer to an earlier row by $Content-ID")
  void a_change_set_with_a_content_id_reference() {
    ObjectNode contactOfAccount = contact("Linked").put("parentcustomerid_account@odata.bind", "$1");
    BatchRequest request = BatchRequest.builder()
        .addChangeSet(List.of(
            BatchOperation.post("accounts", DataverseSandbox.JSON.createObjectNode().put("name", "Contoso"))
                .withContentId("1"),
            BatchOperation.post("contacts", contactOfAccount).withContentId("2")))
        .add(BatchOperation.get("accounts?$select=name"))
        .build();

    BatchResponse response = client.batch(request);

    assertThat(response.allSucceeded()).isTrue();
    assertThat(response.responses()).extracting(BatchOperationResponse::status).containsExactly(204, 204, 200);
    assertThat(response.responses()).extracting(BatchOperationResponse::contentId).startsWith("1", "2");
    String accountId = EntityIds.fromEntityUrl(response.responses().get(0).header("OData-EntityId").orElseThrow())
        .orElseThrow();
    String contactId = EntityIds.fromEntityUrl(response.responses().get(1).header("OData-EntityId").orElseThrow())
        .orElseThrow();
    assertThat(sandbox.dataverse.table("contacts").get(UUID.fromString(contactId)).orElseThrow()
        .path("_parentcustomerid_value").asText()).isEqualTo(accountId);
    assertThat(response.responses().get(2).json().path("value").get(0).path("name").asText()).isEqualTo("Contoso");
  }

  private BatchRequest threeCreatesWithABadOneInTheMiddle(boolean continueOnError) {
    return BatchRequest.builder()
        .add(BatchOperation.post("contacts", contact("First")))
        .add(BatchOperation.post("contacts", contact("Bad").put("nosuchcolumn", 1)))
        .add(BatchOperation.post("contacts", contact("Third")))
        .continueOnError(continueOnError)
        .build();
  }

  @Test
  @DisplayName("§2.7: without odata.continue-on-error the batch stops at the first failure")
  void stops_at_the_first_failure_by_default() {
    BatchResponse response = client.batch(threeCreatesWithABadOneInTheMiddle(false));

    assertThat(response.allSucceeded()).isFalse();
    assertThat(response.failures()).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(400);
      assertThat(f.errorMessage()).isNotEmpty();
    });
    assertThat(sandbox.dataverse.table("contacts").rows())
        .extracting(r -> r.path("lastname").asText()).doesNotContain("Third");
  }

  @Test
  @DisplayName("§2.7: with odata.continue-on-error every operation runs and answers for itself")
  void continues_after_a_failure_when_asked() {
    BatchResponse response = client.batch(threeCreatesWithABadOneInTheMiddle(true));

    assertThat(response.responses()).extracting(BatchOperationResponse::status).containsExactly(204, 400, 204);
    assertThat(sandbox.dataverse.table("contacts").count()).isEqualTo(2);
    assertThat(sandbox.apiRequests()).singleElement().satisfies(r ->
        assertThat(DataverseSandbox.header(r, "Prefer")).isEqualTo("odata.continue-on-error"));
  }

  @Test
  @DisplayName("§2.7 and §6: more than 1,000 operations go in several batches, each operation counted in the budget")
  void splits_large_batches_and_counts_every_operation() {
    BatchRequest.Builder builder = BatchRequest.builder().continueOnError(true);
    for (int i = 0; i < 1_200; i++) {
      builder.add(BatchOperation.post("contacts", contact("Row" + i)));
    }

    BatchResponse response = client.batch(builder.build());

    assertThat(response.responses()).hasSize(1_200).allMatch(BatchOperationResponse::succeeded);
    assertThat(requestsTo("/$batch")).isEqualTo(2);
    assertThat(sandbox.dataverse.table("contacts").count()).isEqualTo(1_200);
    assertThat(budget.requestsInWindow()).isEqualTo(1_200);
  }

  @Test
  @DisplayName("§2.8: CreateMultiple in chunks returns the new ids, @odata.type on every target")
  void create_multiple_in_chunks() {
    List<ObjectNode> targets = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      targets.add(contact("Bulk" + i));
    }

    List<String> ids = client.createMultiple("contacts", "contact", targets);

    assertThat(ids).hasSize(2_500);
    assertThat(new HashSet<>(ids)).hasSize(2_500);
    assertThat(requestsTo("/contacts/Microsoft.Dynamics.CRM.CreateMultiple")).isEqualTo(3);
    assertThat(sandbox.dataverse.table("contacts").count()).isEqualTo(2_500);
    assertThat(sandbox.apiRequests().get(0).body())
        .startsWith("{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\"");
    assertThat(targets.get(0).has("@odata.type")).isFalse(); // the caller's rows are left as they were
  }

  @Test
  @DisplayName("§2.8: UpdateMultiple and UpsertMultiple answer 204; a bulk message counts as one request")
  void update_and_upsert_multiple() {
    List<UUID> ids = sandbox.seedContacts(3);
    List<ObjectNode> updates = new ArrayList<>();
    for (UUID id : ids) {
      updates.add(contact("Updated").put("contactid", id.toString()));
    }
    UUID newId = UUID.randomUUID();
    List<ObjectNode> upserts = List.of(
        contact("Upserted").put("contactid", ids.get(0).toString()),
        contact("Inserted").put("contactid", newId.toString()));

    client.updateMultiple("contacts", "contact", updates);
    client.upsertMultiple("contacts", "contact", upserts);

    var contacts = sandbox.dataverse.table("contacts");
    assertThat(contacts.get(ids.get(2)).orElseThrow().path("lastname").asText()).isEqualTo("Updated");
    assertThat(contacts.get(ids.get(0)).orElseThrow().path("lastname").asText()).isEqualTo("Upserted");
    assertThat(contacts.get(newId).orElseThrow().path("lastname").asText()).isEqualTo("Inserted");
    assertThat(budget.requestsInWindow()).isEqualTo(2);
  }

  @Test
  @DisplayName("§2.8: each chunk is one transaction; a failure after the first chunk says how much was written")
  void a_failing_later_chunk_reports_what_was_committed() {
    DataverseClient smallChunks = DataverseClient.builder(sandbox.settings().bulkChunkSize(2).build()).build();
    List<ObjectNode> targets = List.of(contact("A"), contact("B"), contact("C").put("nosuchcolumn", 1), contact("D"));

    assertThatThrownBy(() -> smallChunks.createMultiple("contacts", "contact", targets))
        .isInstanceOfSatisfying(BulkWriteException.class, e -> {
          assertThat(e.committedTargets()).isEqualTo(2);
          assertThat(e.getCause()).isInstanceOf(BadRequestException.class);
        });
    assertThat(sandbox.dataverse.table("contacts").rows()).extracting(r -> r.path("lastname").asText())
        .containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void a_failing_first_chunk_throws_its_own_error() {
    List<ObjectNode> targets = List.of(contact("A").put("nosuchcolumn", 1));

    assertThatThrownBy(() -> client.createMultiple("contacts", "contact", targets))
        .isInstanceOf(BadRequestException.class);
    assertThat(sandbox.dataverse.table("contacts").count()).isZero();
  }
}
