package org.spotlerconnector.sandbox.dataverse.query;

import java.util.Map;
import java.util.Optional;

/** Looks up parameter aliases ({@code @p1}) in the map callers pass, whose keys may or may not keep the {@code @}. */
final class ParameterAliases {

  private ParameterAliases() {}

  /** @param alias the alias as written in the query option, with its {@code @} */
  static Optional<String> valueOf(String alias, Map<String, String> aliases) {
    if (aliases == null) {
      return Optional.empty();
    }
    String value = aliases.get(alias);
    return Optional.ofNullable(value != null ? value : aliases.get(alias.substring(1)));
  }
}
