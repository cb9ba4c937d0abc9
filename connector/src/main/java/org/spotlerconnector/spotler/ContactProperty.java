package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A contact property the account defines, from {@code GET /contact/properties/list} (spotler-api.md §2.2).
 *
 * @param type one of {@code birthdate, date, dateTime, email, gender, int, mobNr, money, postcode, set, string};
 *     kept as text so that a type added later does not break reading
 * @param entries the options of a {@code set} property (such as {@code permissions}); empty for other types
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactProperty(String name, String description, String type, List<SetPropertyEntry> entries) {
  public static final String SET_TYPE = "set";

  public ContactProperty {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  public boolean isSet() {
    return SET_TYPE.equalsIgnoreCase(type);
  }
}
