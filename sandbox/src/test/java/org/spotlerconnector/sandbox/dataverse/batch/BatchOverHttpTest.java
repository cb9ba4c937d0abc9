package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.batch.BatchResponses.crlf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.Emulator;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/** The batch and bulk answers survive a real HTTP exchange; the full emulator's own conformance tests cover more. */
class BatchOverHttpTest {
  private static final Pattern BULK = Pattern.compile("/api/data/v9\\.2/(\\w+)/Microsoft\\.Dynamics\\.CRM\\.(\\w+)");

  private static final FakeDataverse DATAVERSE = new FakeDataverse();
  private static EmulatorServer server;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    server = EmulatorServer.start(new BatchOnlyEmulator(), 0, 1);
    DATAVERSE.serveAt(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: a change set with $n references answers 200 with a changesetresponse")
  void answers_a_change_set_over_http() throws Exception {
    String body = """
        --batch_AAA123
        Content-Type: multipart/mixed; boundary=changeset_dd81

        --changeset_dd81
        Content-Type: application/http
        Content-Transfer-Encoding: binary
        Content-ID: 1

        POST %s/api/data/v9.2/contacts HTTP/1.1
        Content-Type: application/json

        {"firstname":"First Name","lastname":"Last name"}

        --changeset_dd81
        Content-Transfer-Encoding: binary
        Content-Type: application/http
        Content-ID: 2

        PUT $1/lastname HTTP/1.1
        Content-Type: application/json

        {"value":"BBBBB"}

        --changeset_dd81--
        --batch_AAA123--
        """.formatted(server.baseUrl());

    HttpResponse response = post("/api/data/v9.2/$batch", "multipart/mixed;boundary=batch_AAA123", crlf(body));

    assertThat(response.status()).isEqualTo(200);
    BatchResponses.Entry changeSet = BatchResponses.entries(response).get(0);
    assertThat(changeSet.changeSet()).isTrue();
    assertThat(changeSet.responses()).extracting(BatchResponses.InnerResponse::contentId).containsExactly("1", "2");
    String created = changeSet.responses().get(0).header("OData-EntityId");
    assertThat(created).startsWith(server.baseUrl() + "/api/data/v9.2/contacts(");
    String id = created.substring(created.indexOf('(') + 1, created.length() - 1);
    assertThat(DATAVERSE.table("contacts").get(id).get("lastname").asText()).isEqualTo("BBBBB");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: stop at the first failure - the whole batch answers 400 over the wire")
  void answers_400_with_the_failing_part() throws Exception {
    String body = "--b\nContent-Type: application/http\n\nDELETE contacts(00000000-0000-0000-0000-000000000001) HTTP/1.1"
        + "\n\n--b--\n";

    HttpResponse response = post("/api/data/v9.2/$batch", "multipart/mixed; boundary=b", crlf(body));

    assertThat(response.status()).isEqualTo(400);
    assertThat(BatchResponses.entries(response).get(0).single().status()).isEqualTo(404);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: JSON batch -> 400 Dataverse error; the server keeps serving")
  void rejects_a_json_batch_and_keeps_serving() throws Exception {
    HttpResponse rejected = post("/api/data/v9.2/$batch", "application/json", "{\"requests\":[]}");
    HttpResponse garbage = post("/api/data/v9.2/$batch", "multipart/mixed; boundary=b", "\u0000\u00ff--b");
    HttpResponse fine = post("/api/data/v9.2/$batch", "multipart/mixed; boundary=b", "--b--\r\n");

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(json(rejected.bodyText()).at("/error/code").asText()).isEqualTo("0x0");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(fine.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: CreateMultiple over HTTP answers 200 with Ids")
  void answers_create_multiple_over_http() throws Exception {
    String body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.lead\",\"firstname\":\"A\"}]}";

    HttpResponse response = post("/api/data/v9.2/leads/Microsoft.Dynamics.CRM.CreateMultiple", "application/json", body);

    assertThat(response.status()).isEqualTo(200);
    JsonNode answer = json(response.bodyText());
    assertThat(answer.get("@odata.context").asText())
        .isEqualTo(server.baseUrl() + "/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
    assertThat(DATAVERSE.table("leads")).containsKey(answer.get("Ids").get(0).asText());
  }

  private static HttpResponse post(String path, String contentType, String body) throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(BodyPublishers.ofString(body))
        .build();
    java.net.http.HttpResponse<byte[]> answer = CLIENT.send(request, BodyHandlers.ofByteArray());
    HttpResponse response = new HttpResponse(answer.statusCode(), answer.body());
    answer.headers().firstValue("Content-Type").ifPresent(v -> response.header("Content-Type", v));
    return response;
  }

  private static JsonNode json(String text) throws IOException {
    return Json.MAPPER.readTree(text);
  }

  /** Routes the way the Dataverse emulator is meant to: $batch and bulk messages here, the rest to the store. */
  private static final class BatchOnlyEmulator implements Emulator {
    private final BatchProcessor batch = new BatchProcessor(DATAVERSE);
    private final BulkMessages bulk = new BulkMessages(DATAVERSE);

    @Override
    public String name() {
      return "dataverse-batch-test";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
      if (request.path().equals("/api/data/v9.2/$batch")) {
        return batch.process(request);
      }
      Matcher message = BULK.matcher(request.path());
      if (message.matches()) {
        String set = message.group(1);
        String logicalName = set.substring(0, set.length() - 1);
        return bulk.execute(message.group(2), set, logicalName, logicalName + "id", request);
      }
      return DATAVERSE.execute(request);
    }

    @Override
    public HttpResponse faultResponse(int status, Integer retryAfterSeconds) {
      return DataverseErrors.error(status, "fault");
    }

    @Override
    public HttpResponse errorResponse(Throwable error) {
      return DataverseErrors.error(500, String.valueOf(error.getMessage()));
    }
  }
}
