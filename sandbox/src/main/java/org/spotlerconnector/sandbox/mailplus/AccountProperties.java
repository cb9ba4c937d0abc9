package org.spotlerconnector.sandbox.mailplus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The property definitions of the emulated account, looked up by name; immutable. */
final class AccountProperties {
  private final List<PropertyDefinition> definitions;
  private final Map<String, PropertyDefinition> byName;

  AccountProperties(List<PropertyDefinition> definitions) {
    if (definitions.isEmpty()) {
      throw new IllegalArgumentException("an account has at least one property");
    }
    Map<String, PropertyDefinition> map = new LinkedHashMap<>();
    for (PropertyDefinition d : definitions) {
      if (d == null) {
        throw new IllegalArgumentException("a property definition is missing (null)");
      }
      if (map.put(d.name(), d) != null) {
        throw new IllegalArgumentException("property " + d.name() + " is defined twice");
      }
    }
    this.definitions = List.copyOf(definitions);
    this.byName = map;
  }

  List<PropertyDefinition> all() {
    return definitions;
  }

  Optional<PropertyDefinition> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
