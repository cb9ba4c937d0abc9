package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.batch.BatchResponses.crlf;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpResponse;

@DisplayName("dataverse-api.md §2.7: the batch response format")
class BatchResponseWriterTest {
  private static final String TASK = "https://org.crm4.dynamics.com/api/data/v9.2/tasks(d31ba648-c592-ed11-aad1-000d3a993550)";

  @Test
  void writes_single_answers_and_change_sets_as_the_documentation_shows() {
    // As in the documented examples, a part without body ends with the blank line after its headers followed by the
    // line break that belongs to the next delimiter.
    HttpResponse created = HttpResponse.empty(204).header("OData-Version", "4.0").header("OData-EntityId", TASK);
    HttpResponse updated = HttpResponse.empty(204);
    HttpResponse page = HttpResponse.text(200, "application/json; odata.metadata=minimal", "{\"value\":[]}")
        .header("OData-Version", "4.0");

    HttpResponse response = BatchResponseWriter.write(200, List.of(
        new BatchOutcome.Single(new PartResponse(null, created)),
        new BatchOutcome.CommittedChangeSet(List.of(new PartResponse("1", created), new PartResponse("2", updated))),
        new BatchOutcome.Single(new PartResponse(null, page))));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.firstHeader("OData-Version")).isEqualTo("4.0");
    String contentType = response.firstHeader("Content-Type");
    assertThat(contentType).matches("multipart/mixed; boundary=batchresponse_[0-9a-f-]{36}");
    String body = response.bodyText();
    String changeSetBoundary = body.substring(body.indexOf("boundary=changesetresponse_") + 9).split("\r\n")[0];
    String expected = crlf("""
        --BATCH
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        HTTP/1.1 204 No Content
        OData-Version: 4.0
        OData-EntityId: TASK
        Location: TASK


        --BATCH
        Content-Type: multipart/mixed; boundary=CHANGESET

        --CHANGESET
        Content-Type: application/http
        Content-Transfer-Encoding: binary
        Content-ID: 1

        HTTP/1.1 204 No Content
        OData-Version: 4.0
        OData-EntityId: TASK
        Location: TASK


        --CHANGESET
        Content-Type: application/http
        Content-Transfer-Encoding: binary
        Content-ID: 2

        HTTP/1.1 204 No Content
        OData-Version: 4.0


        --CHANGESET--
        --BATCH
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        HTTP/1.1 200 OK
        Content-Type: application/json; odata.metadata=minimal
        OData-Version: 4.0

        {"value":[]}
        --BATCH--
        """)
        .replace("BATCH", contentType.substring("multipart/mixed; boundary=".length()))
        .replace("CHANGESET", changeSetBoundary)
        .replace("TASK", TASK);
    assertThat(body).isEqualTo(expected);
  }

  @Test
  void writes_the_status_line_of_an_error_with_its_reason_phrase() {
    HttpResponse failure = DataverseErrors.error(412, "A record with matching key values already exists.");

    HttpResponse response = BatchResponseWriter.write(400, List.of(new BatchOutcome.Single(new PartResponse(null, failure))));

    assertThat(response.status()).isEqualTo(400);
    BatchResponses.InnerResponse inner = BatchResponses.entries(response).get(0).single();
    assertThat(inner.statusLine()).isEqualTo("HTTP/1.1 412 Precondition Failed");
    assertThat(inner.body()).isEqualTo(
        "{\"error\":{\"code\":\"0x0\",\"message\":\"A record with matching key values already exists.\"}}");
  }

  @Test
  void writes_an_empty_batch_as_just_the_closing_delimiter() {
    HttpResponse response = BatchResponseWriter.write(200, List.of());

    assertThat(BatchResponses.entries(response)).isEmpty();
  }
}
