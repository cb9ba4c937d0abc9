package org.spotlerconnector.mapping;

import java.util.Objects;

/** One Spotler contact property: its database name (what the API and the mapping use) and type. */
public record SpotlerProperty(String name, SpotlerPropertyType type) {
  public SpotlerProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
