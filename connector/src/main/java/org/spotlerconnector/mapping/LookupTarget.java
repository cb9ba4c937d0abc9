package org.spotlerconnector.mapping;

import java.util.Objects;

/**
 * One table a lookup column can point to, and the navigation property that reaches it ({@code
 * ReferencingEntityNavigationPropertyName} of the table's {@code ManyToOneRelationships}). For a lookup with one
 * target it is usually the lookup's own name ({@code parentaccountid}); for a lookup with several targets it names the
 * target ({@code parentcustomerid_account}); for custom lookups it is the schema name ({@code new_Region}).
 */
public record LookupTarget(String navigationProperty, String table) {
  public LookupTarget {
    Objects.requireNonNull(navigationProperty, "navigationProperty");
    Objects.requireNonNull(table, "table");
  }
}
