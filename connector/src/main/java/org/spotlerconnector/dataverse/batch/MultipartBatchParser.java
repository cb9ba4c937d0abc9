package org.spotlerconnector.dataverse.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code $batch} answer (dataverse-api.md §2.7): {@code multipart/mixed; boundary=batchresponse_…} whose parts
 * are {@code application/http} responses ({@code HTTP/1.1 204 No Content}, headers, body) or change-set responses
 * nested one level deeper. The result is flat, in the order Dataverse answered, which is the order of the requests.
 */
public final class MultipartBatchParser {
  private MultipartBatchParser() {}

  public static List<BatchOperationResponse> parse(String contentType, byte[] body) {
    List<BatchOperationResponse> responses = new ArrayList<>();
    String text = new String(body, StandardCharsets.UTF_8);
    for (MimeMultipart.Part part : MimeMultipart.parts(text, MimeMultipart.boundary(contentType))) {
      collect(part, responses);
    }
    return responses;
  }

  private static void collect(MimeMultipart.Part part, List<BatchOperationResponse> into) {
    String type = part.header("Content-Type").orElse("application/http");
    if (MimeMultipart.isMultipart(type)) {
      for (MimeMultipart.Part inner : MimeMultipart.parts(part.content(), MimeMultipart.boundary(type))) {
        collect(inner, into);
      }
      return;
    }
    MimeMultipart.Message message = MimeMultipart.message(part.content());
    String contentId = part.header("Content-ID").orElse(message.headers().get("Content-ID"));
    into.add(new BatchOperationResponse(status(message.startLine()), message.headers(), message.body(), contentId));
  }

  private static int status(String statusLine) {
    String[] words = statusLine.split(" ", 3);
    if (words.length < 2 || !words[0].startsWith("HTTP/")) {
      throw new MalformedBatchResponseException("not an HTTP status line: " + statusLine);
    }
    try {
      return Integer.parseInt(words[1]);
    } catch (NumberFormatException e) {
      throw new MalformedBatchResponseException("not an HTTP status line: " + statusLine);
    }
  }
}
