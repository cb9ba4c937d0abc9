package org.spotlerconnector.sandbox.dataverse.batch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.HttpResponse;

/**
 * Writes the {@code multipart/mixed; boundary=batchresponse_<guid>} answer of a batch, with change sets nested as
 * {@code multipart/mixed; boundary=changesetresponse_<guid>} parts that echo each request's Content-ID
 * (dataverse-api.md §2.7).
 */
final class BatchResponseWriter {
  private static final String CRLF = "\r\n";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private BatchResponseWriter() {}

  static HttpResponse write(int status, List<BatchOutcome> outcomes) {
    String boundary = "batchresponse_" + UUID.randomUUID();
    BatchResponseWriter writer = new BatchResponseWriter();
    for (BatchOutcome outcome : outcomes) {
      writer.text("--" + boundary + CRLF);
      if (outcome instanceof BatchOutcome.CommittedChangeSet changeSet) {
        writer.changeSet(changeSet.parts());
      } else if (outcome instanceof BatchOutcome.Single single) {
        writer.httpPart(single.part());
      }
    }
    writer.text("--" + boundary + "--" + CRLF);
    return new HttpResponse(status, writer.out.toByteArray())
        .header("Content-Type", "multipart/mixed; boundary=" + boundary)
        .header("OData-Version", "4.0");
  }

  private void changeSet(List<PartResponse> parts) {
    String boundary = "changesetresponse_" + UUID.randomUUID();
    text("Content-Type: multipart/mixed; boundary=" + boundary + CRLF + CRLF);
    for (PartResponse part : parts) {
      text("--" + boundary + CRLF);
      httpPart(part);
    }
    text("--" + boundary + "--" + CRLF);
  }

  private void httpPart(PartResponse part) {
    text("Content-Type: application/http" + CRLF + "Content-Transfer-Encoding: binary" + CRLF);
    if (part.contentId() != null) {
      text("Content-ID: " + part.contentId() + CRLF);
    }
    HttpResponse response = part.response();
    text(CRLF + "HTTP/1.1 " + response.status() + " " + ReasonPhrases.of(response.status()) + CRLF);
    headers(response);
    text(CRLF);
    if (response.status() != 204 && response.status() != 304) {
      out.writeBytes(response.body());
    }
    text(CRLF);
  }

  /** Batch answers carry OData-Version and, for an addressed entity, Location next to OData-EntityId. */
  private void headers(HttpResponse response) {
    if (response.firstHeader("OData-Version") == null) {
      text("OData-Version: 4.0" + CRLF);
    }
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      for (String value : header.getValue()) {
        text(header.getKey() + ": " + value + CRLF);
      }
    }
    String entityId = response.firstHeader("OData-EntityId");
    if (entityId != null && response.firstHeader("Location") == null) {
      text("Location: " + entityId + CRLF);
    }
  }

  private void text(String value) {
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }
}
