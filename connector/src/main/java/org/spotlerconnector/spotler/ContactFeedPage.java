package org.spotlerconnector.spotler;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One answer of {@code GET /contact/updates/list}, in either of its shapes (spotler-api.md §2.7, §8 Q3): a bare array
 * of contacts, or {@code {paging:{next, after}, contacts:[…]}}.
 *
 * @param paging the {@code paging} object; {@code null} for a bare array or a wrapper without one
 */
record ContactFeedPage(List<SpotlerContact> contacts, Paging paging) {
  private static final TypeReference<List<SpotlerContact>> CONTACTS = new TypeReference<>() {};

  /** {@code paging}: the URL of the next page and the offset it starts at; either may be absent. */
  record Paging(String next, Integer after) {}

  static ContactFeedPage parse(JsonNode root, String operation) {
    if (root.isArray()) {
      return new ContactFeedPage(MailPlusJson.read(root, CONTACTS, operation), null);
    }
    if (!root.isObject()) {
      throw new MailPlusException(operation, 200, null, "the answer is neither a contact array nor an object");
    }
    JsonNode contacts = root.path("contacts");
    List<SpotlerContact> parsed = contacts.isArray() ? MailPlusJson.read(contacts, CONTACTS, operation) : List.of();
    JsonNode paging = root.path("paging");
    return new ContactFeedPage(parsed, paging.isObject() ? readPaging(paging) : null);
  }

  /** The server says there is no next page: it sent paging without a {@code next} URL or an {@code after}. */
  boolean saysLastPage() {
    return paging != null && (paging.next() == null || paging.next().isBlank()) && paging.after() == null;
  }

  /**
   * Where the next page starts: the server's {@code after}, else the {@code after} in its {@code next} URL, else the
   * offset just past this page. A value that does not move forward is ignored, so a confused server cannot make the
   * feed loop.
   */
  int nextOffset(int offset) {
    OptionalInt fromServer =
        paging == null
            ? OptionalInt.empty()
            : Optional.ofNullable(paging.after())
                .or(() -> afterParameter(paging.next()))
                .filter(after -> after > offset)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    return fromServer.orElse(offset + contacts.size());
  }

  private static Paging readPaging(JsonNode paging) {
    JsonNode next = paging.path("next");
    JsonNode after = paging.path("after");
    return new Paging(
        next.isTextual() ? next.asText() : null,
        after.canConvertToInt() || isDigits(after) ? Integer.valueOf(after.asInt()) : null);
  }

  private static boolean isDigits(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() && node.asText().chars().allMatch(Character::isDigit);
  }

  private static Optional<Integer> afterParameter(String next) {
    if (next == null || next.isBlank()) {
      return Optional.empty();
    }
    try {
      return SignatureBaseString.parseFormEncoded(URI.create(next.strip()).getRawQuery()).stream()
          .filter(p -> p.name().equals("after"))
          .map(p -> Integer.valueOf(p.value()))
          .findFirst();
    } catch (IllegalArgumentException unreadableNextUrl) {
      return Optional.empty();
    }
  }
}
