package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and checks the fields a trigger call sends: {@code campaignFields} (the spec's {@code CampaignField}) and
 * {@code automationFields} (the same item shape, ADR 0003). Shape errors are a 400 {@code INVALID_PARAMS} whatever the
 * trigger; the checks against an automation's own fields come after the trigger and contact are found.
 */
final class TriggerFields {
  private TriggerFields() {}

  /**
   * The model's rules: {@code name} required, {@code type} one of the enum (default {@code STRING}), {@code value} a
   * string, {@code values} an array of strings, {@code values} only on a {@code PRODUCTLIST} and {@code value} only on
   * the others, no name twice. An absent or null list is empty.
   */
  static List<TriggerField> read(JsonNode body, String listName) {
    JsonNode list = body.get(listName);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw MailPlusException.invalidParams(listName + " must be an array");
    }
    List<TriggerField> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode item : list) {
      TriggerField field = readOne(item, listName);
      if (!names.add(field.name())) {
        throw MailPlusException.invalidParams("Field " + field.name() + " is given more than once");
      }
      fields.add(field);
    }
    return List.copyOf(fields);
  }

  private static TriggerField readOne(JsonNode item, String listName) {
    if (!item.isObject()) {
      throw MailPlusException.invalidParams("Each item of " + listName + " must be an object");
    }
    JsonNode name = item.get("name");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      throw MailPlusException.invalidParams("Each item of " + listName + " needs a name");
    }
    FieldType type = type(item.get("type"), name.asText());
    String value = optionalText(item.get("value"), name.asText());
    List<String> values = optionalTexts(item.get("values"), name.asText());
    if (type.isList() && value != null) {
      throw MailPlusException.invalidParams("Field " + name.asText() + " is a PRODUCTLIST and takes values, not value");
    }
    if (!type.isList() && values != null) {
      throw MailPlusException.invalidParams(
          "Field " + name.asText() + " is a " + type + " and takes value, not values");
    }
    return new TriggerField(name.asText(), type, value, values);
  }

  /**
   * The checks against the automations a trigger starts: every field must be one of theirs, of the same type, with a
   * value present and, for a {@code URL}, an absolute http(s) URL. Triggers of several automations accept a field any
   * of them has.
   */
  static void checkAgainst(List<TriggerField> fields, List<Automation> automations) {
    for (TriggerField field : fields) {
      boolean known = false;
      for (Automation automation : automations) {
        for (AutomationField defined : automation.automationFields()) {
          if (defined.name().equals(field.name())) {
            known = true;
            checkFits(field, defined);
          }
        }
      }
      if (!known) {
        throw MailPlusException.invalidParams("Unknown automation field: " + field.name());
      }
    }
  }

  /** The value a field's type needs is present: {@code values} for a list, {@code value} for the others. */
  static void checkPresent(TriggerField field) {
    if (field.type().isList() ? field.values() == null : field.value() == null) {
      throw MailPlusException.invalidParams(
          "Field " + field.name() + " has no " + (field.type().isList() ? "values" : "value"));
    }
  }

  private static void checkFits(TriggerField field, AutomationField defined) {
    if (field.type() != defined.type()) {
      throw MailPlusException.invalidParams(
          "Field " + field.name() + " is a " + defined.type() + " field, not " + field.type());
    }
    checkPresent(field);
    if (field.type() == FieldType.URL && !isAbsoluteHttpUrl(field.value())) {
      throw MailPlusException.invalidParams("Field " + field.name() + " must be an absolute http(s) URL");
    }
  }

  static boolean isAbsoluteHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static FieldType type(JsonNode type, String fieldName) {
    if (type == null || type.isNull()) {
      return FieldType.STRING;
    }
    if (type.isTextual()) {
      for (FieldType candidate : FieldType.values()) {
        if (candidate.name().equals(type.asText())) {
          return candidate;
        }
      }
    }
    throw MailPlusException.invalidParams(
        "Field " + fieldName + " has an unknown type; use STRING, URL or PRODUCTLIST");
  }

  private static String optionalText(JsonNode value, String fieldName) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw MailPlusException.invalidParams("The value of field " + fieldName + " must be a string");
    }
    return value.asText();
  }

  private static List<String> optionalTexts(JsonNode values, String fieldName) {
    if (values == null || values.isNull()) {
      return null;
    }
    if (!values.isArray()) {
      throw MailPlusException.invalidParams("The values of field " + fieldName + " must be an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        throw MailPlusException.invalidParams("The values of field " + fieldName + " must be an array of strings");
      }
      texts.add(value.asText());
    }
    return texts;
  }
}
