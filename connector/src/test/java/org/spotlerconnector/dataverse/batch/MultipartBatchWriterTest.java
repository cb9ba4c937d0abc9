package org.spotlerconnector.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBatchWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void writes_the_documented_multipart_format_with_crlf() throws Exception {
    // dataverse-api.md §2.7: application/http parts, Content-Transfer-Encoding: binary, change sets as nested
    // multipart/mixed with Content-ID, JSON bodies as application/json; type=entry, CRLF line endings
    BatchRequest request = BatchRequest.builder()
        .add(BatchOperation.get("contacts?$select=fullname"))
        .addChangeSet(List.of(
            BatchOperation.post("accounts", json("{\"name\":\"Contoso\"}")).withContentId("1"),
            BatchOperation.patch("$1", json("{\"telephone1\":\"555\"}"))
                .withContentId("2")
                .withHeader("If-Match", "*")))
        .build();

    WrittenBatch written = MultipartBatchWriter.write(request, "/api/data/v9.2/", "B");

    assertThat(written.contentType()).isEqualTo("multipart/mixed; boundary=batch_B");
    assertThat(new String(written.body(), StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
        "--batch_B",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "GET /api/data/v9.2/contacts?$select=fullname HTTP/1.1",
        "",
        "",
        "--batch_B",
        "Content-Type: multipart/mixed; boundary=changeset_B_1",
        "",
        "--changeset_B_1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "POST /api/data/v9.2/accounts HTTP/1.1",
        "Content-Type: application/json; type=entry",
        "",
        "{\"name\":\"Contoso\"}",
        "--changeset_B_1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 2",
        "",
        "PATCH $1 HTTP/1.1",
        "If-Match: *",
        "Content-Type: application/json; type=entry",
        "",
        "{\"telephone1\":\"555\"}",
        "--changeset_B_1--",
        "--batch_B--",
        ""));
  }

  @Test
  void every_line_break_is_crlf() {
    BatchRequest request = BatchRequest.builder().add(BatchOperation.delete("contacts(1)")).build();

    String body = new String(MultipartBatchWriter.write(request, "/api/data/v9.2", "x").body(), StandardCharsets.UTF_8);

    assertThat(body.replace("\r\n", "")).doesNotContain("\n", "\r");
    assertThat(body).contains("DELETE /api/data/v9.2/contacts(1) HTTP/1.1\r\n");
  }

  @Test
  void the_writer_output_reads_back_part_by_part() throws Exception {
    BatchRequest request = BatchRequest.builder()
        .add(BatchOperation.post("tasks", json("{\"subject\":\"line1\\r\\nline2\"}")))
        .addChangeSet(List.of(BatchOperation.delete("tasks(1)"), BatchOperation.delete("tasks(2)")))
        .build();
    WrittenBatch written = MultipartBatchWriter.write(request, "/api/data/v9.2/", "rt");

    List<MimeMultipart.Part> parts =
        MimeMultipart.parts(
            new String(written.body(), StandardCharsets.UTF_8), MimeMultipart.boundary(written.contentType()));

    assertThat(parts).hasSize(2);
    MimeMultipart.Message post = MimeMultipart.message(parts.get(0).content());
    assertThat(post.startLine()).isEqualTo("POST /api/data/v9.2/tasks HTTP/1.1");
    assertThat(JSON.readTree(post.body()).path("subject").asText()).isEqualTo("line1\r\nline2");
    List<MimeMultipart.Part> changeSet = MimeMultipart.parts(
        parts.get(1).content(), MimeMultipart.boundary(parts.get(1).header("Content-Type").orElseThrow()));
    assertThat(changeSet).extracting(p -> MimeMultipart.message(p.content()).startLine())
        .containsExactly("DELETE /api/data/v9.2/tasks(1) HTTP/1.1", "DELETE /api/data/v9.2/tasks(2) HTTP/1.1");
  }
}
