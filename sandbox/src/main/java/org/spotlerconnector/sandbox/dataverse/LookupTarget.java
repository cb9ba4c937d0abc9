package org.spotlerconnector.sandbox.dataverse;

/**
 * One table a lookup column may point to, with the single-valued navigation property used to bind and expand it,
 * e.g. {@code parentcustomerid_account} → {@code account} (dataverse-api.md §2.6).
 */
public record LookupTarget(String navigationProperty, String table) {

  public static LookupTarget of(String navigationProperty, String table) {
    return new LookupTarget(navigationProperty, table);
  }
}
