package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.List;
import java.util.Map;

/**
 * One request inside a batch, as written in its {@code application/http} part.
 *
 * @param target the request target as sent: {@code /api/data/v9.2/…}, an absolute URL, a service-relative path or a
 *     {@code $n} Content-ID reference
 * @param contentId the part's {@code Content-ID}, or null when it has none
 */
record BatchOperation(
    String method, String target, Map<String, List<String>> headers, byte[] body, String contentId)
    implements BatchItem {

  @Override
  public int requestCount() {
    return 1;
  }
}
