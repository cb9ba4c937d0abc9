package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One contact property of the emulated account: the Swagger model {@code Property}. Only set-type properties have
 * entries ("Only visible for 'SET' type").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PropertyDefinition(String name, String description, PropertyType type, List<SetPropertyEntry> entries) {
  public PropertyDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a property needs a name");
    }
    if (type == null) {
      throw new IllegalArgumentException("property " + name + " needs a type");
    }
    description = description == null ? "" : description;
    entries = entries == null ? List.of() : List.copyOf(entries);
    if (type == PropertyType.SET && entries.isEmpty()) {
      throw new IllegalArgumentException("set property " + name + " needs entries");
    }
    if (type != PropertyType.SET && !entries.isEmpty()) {
      throw new IllegalArgumentException("only set properties have entries, " + name + " is " + type.wireName());
    }
    Set<Long> bits = new HashSet<>();
    for (SetPropertyEntry entry : entries) {
      if (!bits.add(entry.bit())) {
        throw new IllegalArgumentException("set property " + name + " repeats bit " + entry.bit());
      }
    }
  }

  public static PropertyDefinition of(String name, String description, PropertyType type) {
    return new PropertyDefinition(name, description, type, List.of());
  }

  public static PropertyDefinition set(String name, String description, SetPropertyEntry... entries) {
    return new PropertyDefinition(name, description, PropertyType.SET, List.of(entries));
  }

  /**
   * This set property with one more option, ranked last.
   *
   * @throws IllegalArgumentException when this is not a set property or already has the bit
   */
  PropertyDefinition withEntry(long bit, String entryDescription) {
    if (type != PropertyType.SET) {
      throw new IllegalArgumentException("only set properties have entries, " + name + " is " + type.wireName());
    }
    int rank = entries.stream().mapToInt(SetPropertyEntry::rank).max().orElse(0) + 1;
    List<SetPropertyEntry> extended = new ArrayList<>(entries);
    extended.add(new SetPropertyEntry(bit, entryDescription, rank));
    return new PropertyDefinition(name, description, type, extended);
  }

  /** The entry with this bit, or null. */
  SetPropertyEntry entry(long bit) {
    for (SetPropertyEntry e : entries) {
      if (e.bit() == bit) {
        return e;
      }
    }
    return null;
  }
}
