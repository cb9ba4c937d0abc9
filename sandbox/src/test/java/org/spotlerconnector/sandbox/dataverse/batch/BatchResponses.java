package org.spotlerconnector.sandbox.dataverse.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** Test helper: reads a batch answer back into its entries, each a single answer or a change set's answers. */
final class BatchResponses {
  private BatchResponses() {}

  /** One inner answer: status, headers and body as written in its {@code application/http} part. */
  record InnerResponse(String contentId, int status, String statusLine, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return HeaderBlock.first(headers, name);
    }
  }

  /** A top-level entry of the answer; {@code changeSet} tells a nested changesetresponse from a single part. */
  record Entry(boolean changeSet, String contentType, List<InnerResponse> responses) {
    InnerResponse single() {
      return responses.get(0);
    }
  }

  static List<Entry> entries(HttpResponse batchResponse) {
    String boundary = ContentType.parse(batchResponse.firstHeader("Content-Type")).boundary().orElseThrow();
    List<Entry> entries = new ArrayList<>();
    for (MimePart part : MultipartReader.read(batchResponse.body(), boundary)) {
      ContentType type = part.contentType();
      if (type.is("multipart/mixed")) {
        List<InnerResponse> responses = new ArrayList<>();
        for (MimePart inner : MultipartReader.read(part.content(), type.boundary().orElseThrow())) {
          responses.add(inner(inner));
        }
        entries.add(new Entry(true, part.header("Content-Type").orElseThrow(), responses));
      } else {
        entries.add(new Entry(false, part.header("Content-Type").orElseThrow(), List.of(inner(part))));
      }
    }
    return entries;
  }

  private static InnerResponse inner(MimePart part) {
    LineCursor cursor = LineCursor.over(part.content());
    String statusLine = cursor.nextLine();
    Map<String, List<String>> headers = HeaderBlock.read(cursor);
    String body = new String(cursor.remainingBytes(), StandardCharsets.UTF_8);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    return new InnerResponse(part.header("Content-ID").orElse(null), status, statusLine, headers, body);
  }

  /** The documentation writes examples with LF; the wire format uses CRLF. */
  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }
}
