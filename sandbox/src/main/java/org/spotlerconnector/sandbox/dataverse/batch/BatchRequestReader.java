package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * Reads and validates a whole {@code $batch} body before anything runs, so that a batch the service would refuse
 * changes nothing (dataverse-api.md §2.7).
 */
final class BatchRequestReader {
  static final int MAX_REQUESTS = 1000;

  private BatchRequestReader() {}

  static List<BatchItem> read(HttpRequest batchRequest) {
    ContentType type =
        batchRequest
            .header("Content-Type")
            .map(ContentType::parse)
            .orElseThrow(
                () -> new MalformedBatchException("The batch request must have a Content-Type of multipart/mixed."));
    if (type.is("application/json")) {
      throw new MalformedBatchException(
          "JSON batch requests are not supported: this is an OData 4.0 service, send the batch as multipart/mixed.");
    }
    List<BatchItem> items = new ArrayList<>();
    for (MimePart part : MultipartReader.read(batchRequest.body(), multipartBoundary(type, "batch request"))) {
      items.add(item(part));
    }
    int requests = items.stream().mapToInt(BatchItem::requestCount).sum();
    if (requests > MAX_REQUESTS) {
      throw new MalformedBatchException(
          "The batch contains " + requests + " requests; a batch can contain at most " + MAX_REQUESTS + ".");
    }
    return items;
  }

  private static BatchItem item(MimePart part) {
    ContentType type = part.contentType();
    if (type.is("multipart/mixed")) {
      return changeSet(MultipartReader.read(part.content(), multipartBoundary(type, "change set")));
    }
    return operation(part, type);
  }

  private static ChangeSet changeSet(List<MimePart> parts) {
    List<BatchOperation> operations = new ArrayList<>();
    Set<String> contentIds = new HashSet<>();
    for (MimePart part : parts) {
      ContentType type = part.contentType();
      if (type.is("multipart/mixed")) {
        throw new MalformedBatchException("A change set cannot contain another change set.");
      }
      BatchOperation operation = operation(part, type);
      if (operation.method().equalsIgnoreCase("GET")) {
        throw new MalformedBatchException(
            "An invalid HTTP method 'GET' was detected for a request in a change set. Requests in change sets only"
                + " support the HTTP methods 'POST', 'PUT', 'DELETE', and 'PATCH'.");
      }
      if (operation.contentId() != null && !contentIds.add(operation.contentId())) {
        throw new MalformedBatchException(
            "The Content-ID '" + operation.contentId() + "' is used by more than one request in a change set.");
      }
      operations.add(operation);
    }
    return new ChangeSet(List.copyOf(operations));
  }

  private static BatchOperation operation(MimePart part, ContentType type) {
    if (!type.is("application/http")) {
      throw new MalformedBatchException(
          "A batch part must have Content-Type application/http or multipart/mixed, not '" + type.mediaType() + "'.");
    }
    BatchOperation operation = InnerRequestReader.read(part);
    if (targetsBatch(operation.target())) {
      throw new MalformedBatchException("A batch request cannot contain another batch request.");
    }
    return operation;
  }

  private static boolean targetsBatch(String target) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    return path.equals("$batch") || path.endsWith("/$batch");
  }

  private static String multipartBoundary(ContentType type, String what) {
    if (!type.is("multipart/mixed")) {
      throw new MalformedBatchException(
          "The " + what + " must have a Content-Type of multipart/mixed, not '" + type.mediaType() + "'.");
    }
    return type.boundary()
        .orElseThrow(
            () -> new MalformedBatchException("The Content-Type of the " + what + " has no boundary parameter."));
  }
}
