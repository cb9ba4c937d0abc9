package org.spotlerconnector.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The types of Spotler contact properties, as {@code GET /contact/properties/list} names them (spotler-api.md §2.2). */
public enum SpotlerPropertyType {
  BIRTHDATE("birthdate"),
  DATE("date"),
  DATE_TIME("dateTime"),
  EMAIL("email"),
  GENDER("gender"),
  INT("int"),
  MOB_NR("mobNr"),
  MONEY("money"),
  POSTCODE("postcode"),
  SET("set"),
  STRING("string");

  private final String wireName;

  SpotlerPropertyType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the API, e.g. {@code dateTime}. */
  public String wireName() {
    return wireName;
  }

  /** The type for an API name; empty for a type this connector does not know. */
  public static Optional<SpotlerPropertyType> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(type -> type.wireName.equalsIgnoreCase(wireName)).findFirst();
  }

  /** Types whose values are plain text in the API, so that any column can fill them as text. */
  public boolean textual() {
    return this == STRING || this == EMAIL || this == MOB_NR || this == POSTCODE;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
