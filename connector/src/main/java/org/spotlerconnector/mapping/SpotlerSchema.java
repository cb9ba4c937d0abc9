package org.spotlerconnector.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact properties of one Spotler account, as {@code GET /contact/properties/list} returns them. Property names
 * are case-sensitive.
 */
public final class SpotlerSchema {
  private final Map<String, SpotlerProperty> properties = new LinkedHashMap<>();

  public SpotlerSchema(List<SpotlerProperty> properties) {
    properties.forEach(property -> this.properties.put(property.name(), property));
  }

  public static SpotlerSchema of(SpotlerProperty... properties) {
    return new SpotlerSchema(List.of(properties));
  }

  public Optional<SpotlerProperty> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  public Set<String> propertyNames() {
    return Set.copyOf(properties.keySet());
  }
}
