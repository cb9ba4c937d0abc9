package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Renders the Swagger model {@code Contact}: dates as epoch milliseconds (spotler-api.md §2.1), properties in the
 * account's order and "only shown if data is available", and the channels Mail+ derives from the contact's data. A
 * contact signed up without externalId (§2.12) comes without the field, as a Java server leaves out a null field.
 */
final class ContactJson {
  private ContactJson() {}

  static ObjectNode render(StoredContact contact, AccountProperties account) {
    ObjectNode node = Json.object();
    if (contact.externalId() != null) {
      node.put("externalId", contact.externalId());
    }
    node.put("encryptedId", contact.encryptedId());
    node.put("created", contact.createdMillis());
    node.put("lastChanged", contact.lastChangedMillis());
    node.put("testGroup", contact.testGroup());
    node.put("temporary", contact.temporary());
    ObjectNode properties = node.putObject("properties");
    boolean hasEmail = false;
    boolean hasMobile = false;
    for (PropertyDefinition definition : account.all()) {
      Object value = contact.properties().get(definition.name());
      if (value != null) {
        properties.set(definition.name(), PropertyValues.render(definition, value));
        hasEmail |= definition.type() == PropertyType.EMAIL;
        hasMobile |= definition.type() == PropertyType.MOB_NR;
      }
    }
    ArrayNode channels = node.putArray("channels");
    channels.addObject().put("name", "EMAIL").put("value", hasEmail);
    channels.addObject().put("name", "SMS").put("value", hasMobile);
    return node;
  }
}
