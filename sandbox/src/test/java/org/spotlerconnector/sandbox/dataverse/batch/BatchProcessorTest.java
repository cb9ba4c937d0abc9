package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.batch.BatchResponses.crlf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

class BatchProcessorTest {
  private static final String TOO_LONG = "x".repeat(201);

  private final FakeDataverse dataverse = new FakeDataverse();
  private final BatchProcessor processor = new BatchProcessor(dataverse);

  private static HttpRequest batchRequest(String body, String... prefer) {
    Map<String, List<String>> headers = prefer.length == 0
        ? Map.of("Content-Type", List.of("multipart/mixed; boundary=\"batch_1\""))
        : Map.of("Content-Type", List.of("multipart/mixed; boundary=\"batch_1\""), "Prefer", List.of(prefer));
    return new HttpRequest("POST", "/api/data/v9.2/$batch", null, headers,
        crlf(body).getBytes(StandardCharsets.UTF_8), "test");
  }

  private static String createTask(String subject) {
    return """
        --batch_1
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        POST /api/data/v9.2/tasks HTTP/1.1
        Content-Type: application/json; type=entry

        {"subject": "%s"}
        """.formatted(subject);
  }

  private static String changeSet(String... parts) {
    return "--batch_1\nContent-Type: multipart/mixed; boundary=changeset_9\n\n" + String.join("", parts)
        + "--changeset_9--\n";
  }

  private static String changeSetPart(int contentId, String requestLine, String body) {
    return "--changeset_9\nContent-Type: application/http\nContent-Transfer-Encoding: binary\nContent-ID: " + contentId
        + "\n\n" + requestLine + " HTTP/1.1\nContent-Type: application/json\n\n" + body + "\n";
  }

  private static final String END = "--batch_1--\n";

  @Test
  @DisplayName("dataverse-api.md §2.7: requests run in order and answers come back in the same order")
  void runs_requests_in_order_and_answers_in_the_same_order() {
    String body = createTask("Task 1") + createTask("Task 2") + """
        --batch_1
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        GET /api/data/v9.2/tasks?$select=subject HTTP/1.1


        """ + END;

    HttpResponse response = processor.process(batchRequest(body));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.firstHeader("Content-Type")).startsWith("multipart/mixed; boundary=batchresponse_");
    List<BatchResponses.Entry> entries = BatchResponses.entries(response);
    assertThat(entries).extracting(e -> e.single().status()).containsExactly(204, 204, 200);
    BatchResponses.InnerResponse created = entries.get(0).single();
    assertThat(created.header("OData-EntityId")).startsWith(dataverse.serviceRoot() + "/tasks(");
    assertThat(created.header("Location")).isEqualTo(created.header("OData-EntityId"));
    assertThat(json(entries.get(2).single().body()).get("value")).extracting(v -> v.get("subject").asText())
        .containsExactly("Task 1", "Task 2");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: change sets answer as changesetresponse parts that echo Content-ID")
  void resolves_references_inside_a_change_set_and_echoes_content_ids() {
    String body = changeSet(
        changeSetPart(1, "POST /api/data/v9.2/accounts", "{\"name\":\"Account name\"}"),
        changeSetPart(2, "POST https://org.crm4.dynamics.com/api/data/v9.2/contacts", "{\"firstname\":\"Ann\"}"),
        changeSetPart(3, "PATCH $1", "{\"primarycontactid@odata.bind\":\"$2\"}"),
        changeSetPart(4, "PUT $2/lastname", "{\"value\":\"BBBBB\"}"),
        changeSetPart(5, "PUT $1/parentaccountid/$ref", "{\"@odata.id\":\"$1\"}")) + END;

    HttpResponse response = processor.process(batchRequest(body));

    assertThat(response.status()).isEqualTo(200);
    BatchResponses.Entry entry = BatchResponses.entries(response).get(0);
    assertThat(entry.changeSet()).isTrue();
    assertThat(entry.contentType()).startsWith("multipart/mixed; boundary=changesetresponse_");
    assertThat(entry.responses()).extracting(BatchResponses.InnerResponse::contentId)
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(entry.responses()).extracting(BatchResponses.InnerResponse::status).containsOnly(204);
    ObjectNode account = dataverse.table("accounts").values().iterator().next();
    ObjectNode contact = dataverse.table("contacts").values().iterator().next();
    String contactRef = "contacts(" + contact.get("contactid").asText() + ")";
    assertThat(account.get("primarycontactid@odata.bind").asText()).isEqualTo(contactRef);
    assertThat(account.get("_parentaccountid_value").asText())
        .isEqualTo("accounts(" + account.get("accountid").asText() + ")");
    assertThat(contact.get("lastname").asText()).isEqualTo("BBBBB");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: a change set is atomic - all its requests roll back on a failure")
  void rolls_back_a_whole_change_set_when_one_request_fails() {
    String body = changeSet(
        changeSetPart(1, "POST contacts", "{\"firstname\":\"Ann\"}"),
        changeSetPart(2, "PATCH $1", "{\"lastname\":\"FAIL\"}")) + END;

    HttpResponse response = processor.process(batchRequest(body));

    assertThat(response.status()).isEqualTo(400);
    assertThat(BatchResponses.entries(response)).singleElement().satisfies(entry -> {
      assertThat(entry.changeSet()).isFalse();
      assertThat(entry.single().status()).isEqualTo(400);
      assertThat(entry.single().body()).contains("A validation error occurred.");
    });
    assertThat(dataverse.table("contacts")).isEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: forward reference -> 400 Content-ID Reference does not exist")
  void answers_a_forward_reference_with_400_and_rolls_back() {
    String body = changeSet(
        changeSetPart(2, "POST tasks", "{\"regardingobjectid_account_task@odata.bind\":\"$1\"}"),
        changeSetPart(1, "POST accounts", "{\"name\":\"QQQQ\"}")) + END;

    HttpResponse response = processor.process(batchRequest(body));

    assertThat(response.status()).isEqualTo(400);
    BatchResponses.InnerResponse failure = BatchResponses.entries(response).get(0).single();
    assertThat(failure.status()).isEqualTo(400);
    assertThat(json(failure.body()).at("/error/message").asText())
        .isEqualTo("Content-ID Reference: '$1' does not exist in the batch context.");
    assertThat(dataverse.table("accounts")).isEmpty();
    assertThat(dataverse.table("tasks")).isEmpty();
  }

  @Test
  void does_not_resolve_references_outside_a_change_set() {
    String body = createTask("Task 1").replace("POST /api/data/v9.2/tasks", "DELETE $1") + END;

    HttpResponse response = processor.process(batchRequest(body, "odata.continue-on-error"));

    assertThat(BatchResponses.entries(response).get(0).single().body()).contains("Content-ID Reference: '$1'");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: without continue-on-error the batch stops at the first failure with 400")
  void stops_at_the_first_failure_and_answers_400_with_that_failure_alone() {
    String body = createTask("Task 1") + createTask(TOO_LONG) + createTask("Task 3") + END;

    HttpResponse response = processor.process(batchRequest(body));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.firstHeader("Content-Type")).startsWith("multipart/mixed; boundary=batchresponse_");
    List<BatchResponses.Entry> entries = BatchResponses.entries(response);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.single().statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
      assertThat(json(e.single().body()).at("/error/message").asText()).startsWith("A validation error occurred.");
    });
    assertThat(dataverse.table("tasks").values())
        .as("the request before the failure keeps its effect, the one after never ran")
        .extracting(t -> t.get("subject").asText()).containsExactly("Task 1");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: with odata.continue-on-error the batch answers 200, each part its own status")
  void continues_after_failures_when_asked() {
    String body = createTask(TOO_LONG)
        + changeSet(changeSetPart(1, "POST contacts", "{\"firstname\":\"A\"}"),
            changeSetPart(2, "PATCH $1", "{\"lastname\":\"FAIL\"}"))
        + createTask("Task 3") + END;

    HttpResponse response = processor.process(batchRequest(body, "odata.continue-on-error"));

    assertThat(response.status()).isEqualTo(200);
    List<BatchResponses.Entry> entries = BatchResponses.entries(response);
    assertThat(entries).extracting(e -> e.single().status()).containsExactly(400, 400, 204);
    assertThat(entries.get(1).changeSet()).as("a failed change set answers with its single error").isFalse();
    assertThat(dataverse.table("contacts")).as("the failed change set was still rolled back").isEmpty();
    assertThat(dataverse.table("tasks")).hasSize(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: inner parts carry their own headers; the outer Prefer is not applied to them")
  void passes_each_part_its_own_headers_plus_the_callers_authorization() {
    String body = """
        --batch_1
        Content-Type: application/http

        PATCH contacts(00000000-0000-0000-0000-000000000001) HTTP/1.1
        Content-Type: application/json
        If-Match: *

        {"lastname":"x"}
        """ + END;
    HttpRequest outer = new HttpRequest("POST", "/api/data/v9.2/$batch", null,
        Map.of("Content-Type", List.of("multipart/mixed;boundary=batch_1"), "Authorization", List.of("Bearer t"),
            "Prefer", List.of("return=representation")),
        crlf(body).getBytes(StandardCharsets.UTF_8), "test");

    HttpResponse response = processor.process(outer);

    HttpRequest inner = dataverse.received().get(0);
    assertThat(inner.method()).isEqualTo("PATCH");
    assertThat(inner.rawPath()).isEqualTo("/api/data/v9.2/contacts(00000000-0000-0000-0000-000000000001)");
    assertThat(inner.header("If-Match")).contains("*");
    assertThat(inner.header("Authorization")).contains("Bearer t");
    assertThat(inner.header("Prefer")).isEmpty();
    assertThat(BatchResponses.entries(response).get(0).single().status()).isEqualTo(404);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: a JSON batch is rejected with 400 and a Dataverse error")
  void rejects_a_json_batch_with_a_dataverse_error() {
    HttpRequest request = new HttpRequest("POST", "/api/data/v9.2/$batch", null,
        Map.of("Content-Type", List.of("application/json")), "{\"requests\":[]}".getBytes(StandardCharsets.UTF_8),
        "test");

    HttpResponse response = processor.process(request);

    assertDataverseError(response);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: more than 1,000 requests -> 400, and nothing runs")
  void rejects_more_than_1000_requests_without_running_any() {
    HttpResponse response = processor.process(batchRequest(createTask("t").repeat(1001) + END));

    assertDataverseError(response);
    assertThat(dataverse.table("tasks")).isEmpty();
  }

  @Test
  void rejects_a_malformed_batch_with_a_dataverse_error_and_changes_nothing() {
    for (String garbage : List.of("", "garbage", createTask("unterminated"), "--batch_1\n\n--batch_1--",
        "--batch_1\nContent-Type: application/http\n\n\n--batch_1--")) {
      HttpResponse response = processor.process(batchRequest(garbage));

      assertDataverseError(response);
    }
    assertThat(dataverse.table("tasks")).isEmpty();
  }

  @Test
  void keeps_working_after_a_bad_request() {
    processor.process(batchRequest("garbage"));

    HttpResponse response = processor.process(batchRequest(createTask("Task 1") + END));

    assertThat(response.status()).isEqualTo(200);
    assertThat(dataverse.table("tasks")).hasSize(1);
  }

  @Test
  void answers_an_empty_batch_with_an_empty_multipart() {
    HttpResponse response = processor.process(batchRequest(END));

    assertThat(response.status()).isEqualTo(200);
    assertThat(BatchResponses.entries(response)).isEmpty();
  }

  @Test
  void turns_an_exception_from_the_emulator_into_a_500_part() {
    BatchProcessor failing = new BatchProcessor(new OperationExecutor() {
      @Override
      public HttpResponse execute(HttpRequest request) {
        throw new IllegalStateException("boom");
      }

      @Override
      public <T> T atomically(java.util.concurrent.Callable<T> work) throws Exception {
        return dataverse.atomically(work);
      }

      @Override
      public String serviceRoot() {
        return dataverse.serviceRoot();
      }
    });

    HttpResponse response = failing.process(batchRequest(createTask("t") + END, "odata.continue-on-error"));

    assertThat(BatchResponses.entries(response).get(0).single().status()).isEqualTo(500);
  }

  private static void assertDataverseError(HttpResponse response) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.firstHeader("Content-Type")).startsWith("application/json");
    JsonNode error = json(response.bodyText()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("0x0");
    assertThat(error.get("message").asText()).isNotBlank();
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
