package org.spotlerconnector.dataverse.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@code $batch} request body as Dataverse documents it (dataverse-api.md §2.7): {@code multipart/mixed}
 * with CRLF line endings; each operation is an {@code application/http} part with
 * {@code Content-Transfer-Encoding: binary}; each change set a nested {@code multipart/mixed} part whose operations
 * carry their {@code Content-ID}; JSON bodies are sent as {@code application/json; type=entry}.
 */
public final class MultipartBatchWriter {
  private static final String CRLF = "\r\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MultipartBatchWriter() {}

  /**
   * @param servicePath the path of the service root, e.g. {@code /api/data/v9.2/}; relative operation URLs are
   *     written after it
   * @param boundaryId makes the boundaries unique, e.g. a random UUID
   */
  public static WrittenBatch write(BatchRequest request, String servicePath, String boundaryId) {
    String boundary = "batch_" + boundaryId;
    StringBuilder out = new StringBuilder();
    int changeSets = 0;
    for (BatchPart part : request.parts()) {
      out.append("--").append(boundary).append(CRLF);
      if (part instanceof BatchOperation operation) {
        writeOperation(out, operation, servicePath);
      } else if (part instanceof ChangeSet changeSet) {
        writeChangeSet(out, changeSet, "changeset_" + boundaryId + "_" + ++changeSets, servicePath);
      }
    }
    out.append("--").append(boundary).append("--").append(CRLF);
    return new WrittenBatch(
        "multipart/mixed; boundary=" + boundary, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeChangeSet(StringBuilder out, ChangeSet changeSet, String boundary, String servicePath) {
    out.append("Content-Type: multipart/mixed; boundary=").append(boundary).append(CRLF).append(CRLF);
    for (BatchOperation operation : changeSet.operations()) {
      out.append("--").append(boundary).append(CRLF);
      writeOperation(out, operation, servicePath);
    }
    out.append("--").append(boundary).append("--").append(CRLF);
  }

  private static void writeOperation(StringBuilder out, BatchOperation operation, String servicePath) {
    out.append("Content-Type: application/http").append(CRLF);
    out.append("Content-Transfer-Encoding: binary").append(CRLF);
    if (operation.contentId() != null) {
      out.append("Content-ID: ").append(operation.contentId()).append(CRLF);
    }
    out.append(CRLF);
    out.append(operation.method()).append(' ').append(target(operation.url(), servicePath)).append(" HTTP/1.1")
        .append(CRLF);
    operation.headers().forEach((name, value) -> out.append(name).append(": ").append(value).append(CRLF));
    if (operation.body() != null) {
      out.append("Content-Type: application/json; type=entry").append(CRLF);
    }
    out.append(CRLF);
    if (operation.body() != null) {
      out.append(json(operation.body()));
    }
    out.append(CRLF);
  }

  /** Content-ID references ({@code $1}) and absolute URLs stay as they are; the rest hang off the service root. */
  private static String target(String url, String servicePath) {
    if (url.startsWith("$") || url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    String root = servicePath.endsWith("/") ? servicePath : servicePath + "/";
    return root + (url.startsWith("/") ? url.substring(1) : url);
  }

  private static String json(JsonNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
