package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spotlerconnector.sandbox.dataverse.batch.BatchResponses.crlf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;

class BatchRequestReaderTest {

  static HttpRequest batch(String contentType, String body) {
    return new HttpRequest(
        "POST", "/api/data/v9.2/$batch", null, Map.of("Content-Type", List.of(contentType)),
        body.getBytes(StandardCharsets.UTF_8), "test");
  }

  /** The first request example of execute-batch-operations-using-web-api.md, abridged. */
  private static final String DOCUMENTED_BATCH = """
      --batch_80dd1615
      Content-Type: application/http
      Content-Transfer-Encoding: binary

      POST /api/data/v9.2/tasks HTTP/1.1
      Content-Type: application/json; type=entry

      {
        "subject": "Task 1 in batch"
      }
      --batch_80dd1615
      Content-Type: application/http
      Content-Transfer-Encoding: binary

      GET /api/data/v9.2/accounts(00000000-0000-0000-0000-000000000001)/Account_Tasks?$select=subject HTTP/1.1


      --batch_80dd1615--
      """;

  @Test
  @DisplayName("dataverse-api.md §2.7: parts carry an application/http request line, headers, blank line and body")
  void reads_the_documented_batch() {
    List<BatchItem> items =
        BatchRequestReader.read(batch("multipart/mixed; boundary=\"batch_80dd1615\"", crlf(DOCUMENTED_BATCH)));

    assertThat(items).hasSize(2);
    BatchOperation post = (BatchOperation) items.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.target()).isEqualTo("/api/data/v9.2/tasks");
    assertThat(post.headers().get("content-type")).containsExactly("application/json; type=entry");
    assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("{\r\n  \"subject\": \"Task 1 in batch\"\r\n}");
    BatchOperation get = (BatchOperation) items.get(1);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.target())
        .isEqualTo("/api/data/v9.2/accounts(00000000-0000-0000-0000-000000000001)/Account_Tasks?$select=subject");
    assertThat(get.body()).isEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: a change set is a nested multipart/mixed whose parts carry Content-ID")
  void reads_a_change_set_with_content_ids() {
    String body = """
        --batch_AAA123
        Content-Type: multipart/mixed; boundary=changeset_dd81

        --changeset_dd81
        Content-Type:application/http
        Content-Transfer-Encoding:binary
        Content-ID:1

        POST https://org.crm4.dynamics.com/api/data/v9.2/accounts HTTP/1.1
        Content-Type: application/json

        { "name":"Account Name"}

        --changeset_dd81
        Content-Transfer-Encoding: binary
        Content-Type: application/http
        Content-ID: 2

        PUT $1/primarycontactid/$ref HTTP/1.1
        Content-Type:application/json

        {"@odata.id":"$2"}

        --changeset_dd81--
        --batch_AAA123--
        """;

    List<BatchItem> items = BatchRequestReader.read(batch("multipart/mixed;boundary=batch_AAA123", crlf(body)));

    assertThat(items).singleElement().isInstanceOf(ChangeSet.class);
    List<BatchOperation> operations = ((ChangeSet) items.get(0)).operations();
    assertThat(operations).extracting(BatchOperation::contentId).containsExactly("1", "2");
    assertThat(operations).extracting(BatchOperation::target)
        .containsExactly("https://org.crm4.dynamics.com/api/data/v9.2/accounts", "$1/primarycontactid/$ref");
    assertThat(items.get(0).requestCount()).isEqualTo(2);
  }

  @Test
  void takes_a_content_id_written_among_the_inner_request_headers() {
    String body = "--b\nContent-Type: application/http\n\nPOST contacts HTTP/1.1\nContent-ID: 7\n\n{}\n--b--\n";

    BatchOperation operation = (BatchOperation) BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)).get(0);

    assertThat(operation.contentId()).isEqualTo("7");
  }

  @Test
  void accepts_a_request_line_without_http_version() {
    String body = "--b\nContent-Type: application/http\n\nDELETE contacts(1)\n--b--\n";

    BatchOperation operation = (BatchOperation) BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)).get(0);

    assertThat(operation.method()).isEqualTo("DELETE");
    assertThat(operation.target()).isEqualTo("contacts(1)");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: JSON batch (OData 4.01) is not supported")
  void rejects_a_json_batch() {
    assertThatThrownBy(() -> BatchRequestReader.read(batch("application/json", "{\"requests\":[]}")))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("multipart/mixed");
  }

  @Test
  void rejects_a_multipart_content_type_without_boundary() {
    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed", "--b\n--b--")))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("boundary");
  }

  @Test
  void rejects_a_batch_without_content_type() {
    HttpRequest request = new HttpRequest("POST", "/api/data/v9.2/$batch", null, Map.of(), new byte[0], "test");

    assertThatThrownBy(() -> BatchRequestReader.read(request)).isInstanceOf(MalformedBatchException.class);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: GET is not allowed in a change set")
  void rejects_a_get_inside_a_change_set() {
    String body = changeSetOf("GET contacts HTTP/1.1\n");

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("'GET'");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: no nested batches")
  void rejects_a_batch_inside_a_batch() {
    String body = "--b\nContent-Type: application/http\n\nPOST /api/data/v9.2/$batch HTTP/1.1\n\n--b--\n";

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("another batch");
  }

  @Test
  void rejects_a_change_set_inside_a_change_set() {
    String body = "--b\nContent-Type: multipart/mixed;boundary=c\n\n--c\nContent-Type: multipart/mixed;boundary=d\n\n"
        + "--d\nContent-Type: application/http\n\nPOST contacts HTTP/1.1\n\n{}\n--d--\n--c--\n--b--\n";

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class);
  }

  @Test
  void rejects_a_content_id_used_twice_in_one_change_set() {
    String body = "--b\nContent-Type: multipart/mixed;boundary=c\n\n"
        + "--c\nContent-Type: application/http\nContent-ID: 1\n\nPOST contacts HTTP/1.1\n\n{}\n"
        + "--c\nContent-Type: application/http\nContent-ID: 1\n\nPOST contacts HTTP/1.1\n\n{}\n--c--\n--b--\n";

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("'1'");
  }

  @Test
  void rejects_a_part_that_is_not_an_http_request() {
    String body = "--b\nContent-Type: text/plain\n\nhello\n--b--\n";

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("text/plain");
  }

  @Test
  void rejects_a_part_without_request_line() {
    String body = "--b\nContent-Type: application/http\n\n\n--b--\n";

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: at most 1,000 requests per batch, counting those inside change sets")
  void counts_change_set_requests_toward_the_limit_of_1000() {
    String body = requests(999, "b") + "--b\nContent-Type: multipart/mixed;boundary=c\n\n" + requests(2, "c")
        + "--c--\n--b--\n";

    assertThatThrownBy(() -> BatchRequestReader.read(batch("multipart/mixed;boundary=b", body)))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("1001")
        .hasMessageContaining("1000");
  }

  @Test
  void accepts_exactly_1000_requests() {
    String body = requests(1000, "b") + "--b--\n";

    assertThat(BatchRequestReader.read(batch("multipart/mixed;boundary=b", body))).hasSize(1000);
  }

  private static String requests(int count, String boundary) {
    return ("--" + boundary + "\nContent-Type: application/http\n\nDELETE contacts(1) HTTP/1.1\n\n").repeat(count);
  }

  private static String changeSetOf(String request) {
    return "--b\nContent-Type: multipart/mixed;boundary=c\n\n--c\nContent-Type: application/http\nContent-ID: 1\n\n"
        + request + "\n--c--\n--b--\n";
  }
}
