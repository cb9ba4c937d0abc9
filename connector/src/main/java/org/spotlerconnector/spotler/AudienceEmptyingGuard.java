package org.spotlerconnector.spotler;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Refuses a {@code DELETE /audience/{externalId}/contact} that names no contacts, before it is sent: Mail+ reads a
 * null or absent body as "remove all contacts of the audience" (spotler-api.md §5), and the connector never empties an
 * audience that way. The audience client cannot write such a call; this stops one written by hand for {@link
 * MailPlusClient#send}.
 */
final class AudienceEmptyingGuard {
  private static final Pattern AUDIENCE_CONTACTS = Pattern.compile("/audience/[^/]+/contact/?");

  private AudienceEmptyingGuard() {}

  static void check(MailPlusRequest request) {
    if (request.method().equals("DELETE") && AUDIENCE_CONTACTS.matcher(request.path()).matches()
        && !namesContacts(request.jsonBody())) {
      throw new IllegalArgumentException(request.method() + " " + request.path() + " needs a body with the contacts"
          + " to remove: without one Mail+ removes every contact of the audience");
    }
  }

  private static boolean namesContacts(byte[] body) {
    if (body == null) {
      return false;
    }
    try {
      JsonNode tree = MailPlusJson.MAPPER.readTree(body);
      JsonNode contacts = tree == null ? null : tree.get("contacts");
      return contacts != null && contacts.isArray() && !contacts.isEmpty();
    } catch (IOException notJson) {
      return false;
    }
  }
}
