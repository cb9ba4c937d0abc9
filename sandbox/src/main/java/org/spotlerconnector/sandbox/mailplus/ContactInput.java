package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code Contact} from a request body, checked against the shape of the Swagger model but not yet against the
 * account's properties; {@link #propertyChanges} does that, so that {@code /contact/list} can refuse one contact and
 * keep the others. The read-only fields ({@code created}, {@code lastChanged}, {@code encryptedId}, {@code temporary})
 * are ignored by the API and only used when the sandbox seeds contacts. {@code externalId} is null only for a contact
 * read by {@link #readWithOptionalExternalId}.
 */
record ContactInput(
    String externalId,
    Boolean testGroup,
    ObjectNode properties,
    Long createdMillis,
    Long lastChangedMillis,
    String encryptedId,
    Boolean temporary) {

  private static final Set<String> CHANNEL_NAMES = Set.of("EMAIL", "SMS");

  /**
   * Reads one contact object that must have an externalId, as {@code /contact} demands.
   *
   * @throws MailPlusException 400 {@code INVALID_PARAMS} when the JSON does not have the model's shape
   */
  static ContactInput read(JsonNode node, ZoneId accountZone) {
    ContactInput input = readWithOptionalExternalId(node, accountZone);
    if (input.externalId() == null) {
      throw MailPlusException.invalidParams("Contact without externalId found");
    }
    return input;
  }

  /**
   * Reads one contact object whose externalId may be missing (then null), as for {@code /subscription/subscribe}.
   *
   * @throws MailPlusException 400 {@code INVALID_PARAMS} when the JSON does not have the model's shape
   */
  static ContactInput readWithOptionalExternalId(JsonNode node, ZoneId accountZone) {
    if (node == null || !node.isObject()) {
      throw MailPlusException.invalidParams("A contact must be a JSON object");
    }
    JsonNode externalId = node.get("externalId");
    boolean absent = externalId == null || externalId.isNull() || (externalId.isTextual() && externalId.asText().isBlank());
    if (!absent && !externalId.isTextual()) {
      throw MailPlusException.invalidParams("externalId must be a string");
    }
    JsonNode properties = node.get("properties");
    if (properties != null && !properties.isNull() && !properties.isObject()) {
      throw MailPlusException.invalidParams("properties must be a JSON object");
    }
    checkChannels(node.get("channels"));
    return new ContactInput(
        absent ? null : externalId.asText(),
        optionalBoolean(node, "testGroup"),
        properties != null && properties.isObject() ? (ObjectNode) properties : null,
        optionalInstant(node, "created", accountZone),
        optionalInstant(node, "lastChanged", accountZone),
        optionalText(node, "encryptedId"),
        optionalBoolean(node, "temporary"));
  }

  /**
   * The property changes, checked against the account's definitions and value types.
   *
   * @throws InvalidPropertyException for an unknown property or a value that does not fit its type
   */
  Map<String, PropertyChange> propertyChanges(AccountProperties account, ZoneId accountZone) {
    Map<String, PropertyChange> changes = new LinkedHashMap<>();
    if (properties == null) {
      return changes;
    }
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      PropertyDefinition definition =
          account
              .get(field.getKey())
              .orElseThrow(() -> new InvalidPropertyException("Property is invalid: unknown property " + field.getKey()));
      changes.put(definition.name(), PropertyValues.parse(definition, field.getValue(), accountZone));
    }
    return changes;
  }

  /** {@code channels} "Cannot be modified", yet clients send them (spotler-api.md §2.1): accepted when well-formed. */
  private static void checkChannels(JsonNode channels) {
    if (channels == null || channels.isNull()) {
      return;
    }
    if (!channels.isArray()) {
      throw MailPlusException.invalidParams("channels must be an array of {name, value}");
    }
    for (JsonNode channel : channels) {
      if (!channel.isObject()
          || !CHANNEL_NAMES.contains(channel.path("name").asText())
          || !channel.path("value").isBoolean()) {
        throw MailPlusException.invalidParams("channels must be an array of {name: EMAIL|SMS, value: boolean}");
      }
    }
  }

  static Boolean optionalBoolean(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw MailPlusException.invalidParams(field + " must be a boolean");
    }
    return value.booleanValue();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw MailPlusException.invalidParams(field + " must be a non-empty string");
    }
    return value.asText();
  }

  /** Contact dates come back as epoch milliseconds (spotler-api.md §2.1, Q4); ISO strings are accepted too. */
  private static Long optionalInstant(JsonNode node, String field, ZoneId accountZone) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      try {
        return IsoDateTimes.parse(value.asText(), accountZone).toInstant().toEpochMilli();
      } catch (DateTimeException e) {
        throw MailPlusException.invalidParams(field + " must be epoch milliseconds or an ISO-8601 date-time");
      }
    }
    throw MailPlusException.invalidParams(field + " must be epoch milliseconds or an ISO-8601 date-time");
  }
}
