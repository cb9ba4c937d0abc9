package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code type} enum of the Swagger model {@code Property}, with its wire names. */
public enum PropertyType {
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

  PropertyType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static PropertyType fromWireName(String name) {
    for (PropertyType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown property type " + name);
  }
}
