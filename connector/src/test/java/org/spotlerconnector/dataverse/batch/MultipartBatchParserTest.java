package org.spotlerconnector.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBatchParserTest {

  private static byte[] crlf(String... lines) {
    return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void reads_the_documented_response_with_a_change_set_and_a_get() {
    // dataverse-api.md §2.7: --batchresponse_ parts with HTTP/1.1 204 No Content + OData-EntityId; change sets nested
    // as multipart/mixed; boundary=changesetresponse_ with echoed Content-ID; a GET answers 200 with a JSON body
    byte[] body = crlf(
        "--batchresponse_c1bd45c1",
        "Content-Type: multipart/mixed; boundary=changesetresponse_ff83b4f1",
        "",
        "--changesetresponse_ff83b4f1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "HTTP/1.1 204 No Content",
        "OData-Version: 4.0",
        "Location: https://org/api/data/v9.2/tasks(a59c24d3-0000-4000-8000-000000000001)",
        "OData-EntityId: https://org/api/data/v9.2/tasks(a59c24d3-0000-4000-8000-000000000001)",
        "",
        "",
        "--changesetresponse_ff83b4f1--",
        "--batchresponse_c1bd45c1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "HTTP/1.1 200 OK",
        "Content-Type: application/json; odata.metadata=minimal",
        "OData-Version: 4.0",
        "",
        "{\"@odata.context\":\"https://org/api/data/v9.2/$metadata#tasks(subject)\",\"value\":[{\"subject\":\"a\"}]}",
        "--batchresponse_c1bd45c1--",
        "");

    List<BatchOperationResponse> responses =
        MultipartBatchParser.parse("multipart/mixed; boundary=batchresponse_c1bd45c1", body);

    assertThat(responses).hasSize(2);
    BatchOperationResponse created = responses.get(0);
    assertThat(created.status()).isEqualTo(204);
    assertThat(created.contentId()).isEqualTo("1");
    assertThat(created.header("odata-entityid")).hasValueSatisfying(v -> v.endsWith("0001)"));
    assertThat(created.body()).isEmpty();
    assertThat(responses.get(1).status()).isEqualTo(200);
    assertThat(responses.get(1).json().path("value").get(0).path("subject").asText()).isEqualTo("a");
  }

  @Test
  void reads_the_single_error_part_of_a_batch_that_stopped() {
    // §2.7: without continue-on-error the batch returns 400 with one error part
    byte[] body = crlf(
        "--batchresponse_e1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "HTTP/1.1 400 Bad Request",
        "REQ_ID: 5ecd1cb3-1730-4ffc-909c-d44c22270026",
        "Content-Type: application/json; odata.metadata=minimal",
        "OData-Version: 4.0",
        "",
        "{\"error\":{\"code\":\"0x80044331\",\"message\":\"A validation error occurred.\"}}",
        "--batchresponse_e1--");

    List<BatchOperationResponse> responses =
        MultipartBatchParser.parse("multipart/mixed;boundary=\"batchresponse_e1\"", body);

    assertThat(responses).singleElement().satisfies(r -> {
      assertThat(r.succeeded()).isFalse();
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorMessage()).isEqualTo("A validation error occurred.");
      assertThat(r.header("REQ_ID")).contains("5ecd1cb3-1730-4ffc-909c-d44c22270026");
    });
  }

  @Test
  void tolerates_bare_lf_line_endings() {
    byte[] body = String.join("\n",
            "--b", "Content-Type: application/http", "", "HTTP/1.1 204 No Content", "", "", "--b--")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(MultipartBatchParser.parse("multipart/mixed; boundary=b", body))
        .singleElement().extracting(BatchOperationResponse::status).isEqualTo(204);
  }

  @Test
  void a_boundary_inside_a_json_string_is_not_a_delimiter() {
    byte[] body = crlf(
        "--b", "Content-Type: application/http", "", "HTTP/1.1 200 OK", "", "{\"text\":\"--b\"}", "--b--");

    assertThat(MultipartBatchParser.parse("multipart/mixed; boundary=b", body))
        .singleElement().extracting(r -> r.json().path("text").asText()).isEqualTo("--b");
  }

  @Test
  void rejects_an_answer_that_is_not_the_documented_multipart() {
    assertThatThrownBy(() -> MultipartBatchParser.parse("multipart/mixed; boundary=b", crlf("{\"value\":[]}")))
        .isInstanceOf(MalformedBatchResponseException.class);
    assertThatThrownBy(() -> MultipartBatchParser.parse("application/json", crlf("--b", "--b--")))
        .isInstanceOf(MalformedBatchResponseException.class);
    assertThatThrownBy(() -> MultipartBatchParser.parse("multipart/mixed; boundary=b",
        crlf("--b", "Content-Type: application/http", "", "HTTP/1.1 204 No Content", "")))
        .isInstanceOf(MalformedBatchResponseException.class).hasMessageContaining("not closed");
    assertThatThrownBy(() -> MultipartBatchParser.parse("multipart/mixed; boundary=b",
        crlf("--b", "Content-Type: application/http", "", "garbage", "", "--b--")))
        .isInstanceOf(MalformedBatchResponseException.class).hasMessageContaining("status line");
  }
}
