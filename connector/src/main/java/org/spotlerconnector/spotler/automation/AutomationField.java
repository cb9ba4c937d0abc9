package org.spotlerconnector.spotler.automation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A value for an automation field, sent with a trigger; the same shape is the {@code CampaignField} of a legacy
 * campaign trigger (spotler-api.md §3.2, §3.3). Mail+ does not store these values. Build one with {@link #text},
 * {@link #url} or {@link #productList}; each checks what Mail+ would otherwise reject with a 400, so that bad input is
 * reported before anything is sent.
 *
 * @param value for {@code STRING} and {@code URL}; {@code null} for {@code PRODUCTLIST}
 * @param values for {@code PRODUCTLIST}; {@code null} otherwise
 */
public record AutomationField(String name, AutomationFieldType type, String value, List<String> values) {
  public AutomationField {
    requireName(name);
    Objects.requireNonNull(type, "type cannot be null");
    switch (type) {
      case STRING -> requireSingleValue(name, type, value, values);
      case URL -> requireAbsoluteHttpUrl(name, requireSingleValue(name, type, value, values));
      case PRODUCTLIST -> {
        if (values == null || value != null) {
          throw new IllegalArgumentException(
              "automation field " + name + " is a PRODUCTLIST: it takes values (a list), not a single value");
        }
        values = List.copyOf(values);
        if (values.stream().anyMatch(v -> v.isBlank())) {
          throw new IllegalArgumentException("automation field " + name + " has a blank product id in its values");
        }
      }
      default -> throw new IllegalArgumentException(
          "automation field " + name + " has type " + type + "; only STRING, URL and PRODUCTLIST can be sent");
    }
  }

  public static AutomationField text(String name, String value) {
    return new AutomationField(name, AutomationFieldType.STRING, value, null);
  }

  /** @param value an absolute http or https URL */
  public static AutomationField url(String name, String value) {
    return new AutomationField(name, AutomationFieldType.URL, value, null);
  }

  /** @param productIds the external product ids, in the order the message shows them */
  public static AutomationField productList(String name, List<String> productIds) {
    return new AutomationField(name, AutomationFieldType.PRODUCTLIST, null, productIds);
  }

  private static void requireName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an automation field needs a name");
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("automation field name '" + name + "' contains a space; Mail+ allows none");
    }
  }

  private static String requireSingleValue(String name, AutomationFieldType type, String value, List<String> values) {
    if (value == null || values != null) {
      throw new IllegalArgumentException(
          "automation field " + name + " is a " + type + ": it takes one value, not a list");
    }
    return value;
  }

  private static void requireAbsoluteHttpUrl(String name, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException notAUri) {
      // reported below with the same message as any other non-URL
    }
    throw new IllegalArgumentException("automation field " + name + " is a URL: its value must be an absolute http(s) URL");
  }
}
