package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The {@code Label} complex type: {@code {"LocalizedLabels":[{"Label","LanguageCode","IsManaged","MetadataId",
 * "HasChanged"}],"UserLocalizedLabel":{…}}}, as in the responses of query-metadata-web-api.md. The emulated
 * environment has one language, English (1033).
 */
final class Labels {
  static final int ENGLISH = 1033;

  private Labels() {}

  /**
   * @param owner what the label belongs to, e.g. {@code contact.firstname.DisplayName}; it makes the label's id
   * @param text the label, or null for an empty label
   */
  static ObjectNode of(String owner, String text, boolean managed) {
    ObjectNode label = Json.object();
    if (text == null) {
      label.putArray("LocalizedLabels");
      label.putNull("UserLocalizedLabel");
      return label;
    }
    ObjectNode localized = Json.object();
    localized.put("Label", text);
    localized.put("LanguageCode", ENGLISH);
    localized.put("IsManaged", managed);
    localized.put("MetadataId", MetadataIds.label(owner).toString());
    localized.putNull("HasChanged");
    label.putArray("LocalizedLabels").add(localized);
    label.set("UserLocalizedLabel", localized.deepCopy());
    return label;
  }

  static ObjectNode empty() {
    return of(null, null, false);
  }

  /**
   * The text of a {@code Label} a client sent: its English localized label, else its first one, else its
   * {@code UserLocalizedLabel}; null when there is none.
   */
  static String text(JsonNode label) {
    if (label == null || !label.isObject()) {
      return null;
    }
    String first = null;
    for (JsonNode localized : label.path("LocalizedLabels")) {
      String text = localized.path("Label").asText(null);
      if (text != null && localized.path("LanguageCode").asInt() == ENGLISH) {
        return text;
      }
      first = first == null ? text : first;
    }
    return first != null ? first : label.path("UserLocalizedLabel").path("Label").asText(null);
  }
}
