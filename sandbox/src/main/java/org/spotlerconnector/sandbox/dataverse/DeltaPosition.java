package org.spotlerconnector.sandbox.dataverse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the next page of a delta response starts: the version the whole delta runs up to (fixed on its first page, so
 * the final delta link neither loses nor repeats changes), whether the changed rows are done and deletions are being
 * listed, and the version of the last entry returned.
 */
record DeltaPosition(int pageNumber, long upTo, boolean inDeletions, long after) {

  String skipToken() {
    Map<String, String> root = new LinkedHashMap<>();
    root.put("page", String.valueOf(pageNumber - 1));
    root.put("upto", String.valueOf(upTo));
    root.put("phase", inDeletions ? "deletions" : "changes");
    root.put("after", String.valueOf(after));
    return SkipToken.of(pageNumber, true, root, List.of());
  }

  static DeltaPosition parse(String token) {
    SkipToken.Parsed parsed = SkipToken.parse(token);
    Map<String, String> root = parsed.attributes();
    try {
      return new DeltaPosition(
          parsed.pageNumber(),
          Long.parseLong(root.get("upto")),
          "deletions".equals(root.get("phase")),
          Long.parseLong(root.get("after")));
    } catch (NumberFormatException e) {
      throw SkipToken.invalid();
    }
  }
}
