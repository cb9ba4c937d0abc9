package org.spotlerconnector.install;

import java.util.List;
import java.util.Locale;

/** An alternate key: a unique combination of columns, addressable in URLs (dataverse-api.md §2.6, §8). */
public record AlternateKey(String schemaName, String displayName, List<String> columns) {
  public AlternateKey {
    columns = List.copyOf(columns);
  }

  public String logicalName() {
    return schemaName.toLowerCase(Locale.ROOT);
  }
}
