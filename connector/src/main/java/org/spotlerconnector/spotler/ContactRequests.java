package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The request bodies of the contact calls, holding only what a client may set (spotler-api.md §2.4, §2.9). */
final class ContactRequests {
  private ContactRequests() {}

  /** A contact as sent: the fields Mail+ sets itself are left out. */
  record ContactBody(
      String externalId,
      Boolean testGroup,
      Map<String, JsonNode> properties,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Channel> channels) {
    static ContactBody of(SpotlerContact contact) {
      return new ContactBody(contact.externalId(), contact.testGroup(), contact.properties(), contact.channels());
    }
  }

  /** {@code ContactRequest}: {@code update} is omitted on {@code PUT /contact/{id}}, as Spotler's own module does. */
  record SingleContact(Boolean update, boolean purge, ContactBody contact) {}

  /** {@code AddContactsRequest}: at most 100 contacts. */
  record ContactBatch(boolean update, boolean purge, List<ContactBody> contacts) {}
}
