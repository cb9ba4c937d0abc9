package org.spotlerconnector.sandbox.dataverse;

/**
 * One table a lookup column may point to, with the single-valued navigation property used to bind and expand it,
 * e.g. {@code parentcustomerid_account} → {@code account} (dataverse-api.md §2.6).
 *
 * @param relationship the schema name of the one-to-many relationship the target makes, which is also the name of the
 *     collection-valued navigation property on the target table (e.g.
 *     {@code environmentvariabledefinition_environmentvariablevalue}); null to let the emulator name it
 */
public record LookupTarget(String navigationProperty, String table, String relationship) {

  public LookupTarget(String navigationProperty, String table) {
    this(navigationProperty, table, null);
  }

  public static LookupTarget of(String navigationProperty, String table) {
    return new LookupTarget(navigationProperty, table);
  }

  public static LookupTarget of(String navigationProperty, String table, String relationship) {
    return new LookupTarget(navigationProperty, table, relationship);
  }

  /**
   * The relationship's schema name: the given one, or {@code <target>_<referencing table>_<lookup>}, which is unique
   * per lookup target.
   */
  public String relationshipName(String referencingTable, String lookupColumn) {
    return relationship != null ? relationship : table + "_" + referencingTable + "_" + lookupColumn;
  }
}
