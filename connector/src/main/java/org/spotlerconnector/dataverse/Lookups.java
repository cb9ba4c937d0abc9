package org.spotlerconnector.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Setting lookup columns in a create or update body with {@code @odata.bind} (dataverse-api.md §2.6). The navigation
 * property names the relationship, and for polymorphic lookups its target too, e.g.
 * {@code parentcustomerid_account} or {@code regardingobjectid_campaign_campaignresponse}.
 */
public final class Lookups {
  private Lookups() {}

  /** Sets {@code <navigationProperty>@odata.bind: "/<entitySet>(<key>)"}. */
  public static ObjectNode bind(ObjectNode row, String navigationProperty, String entitySet, RecordKey key) {
    return row.put(navigationProperty + "@odata.bind", reference(entitySet, key));
  }

  /** Clears a single-valued lookup on update: {@code <navigationProperty>@odata.bind: null}. */
  public static ObjectNode unbind(ObjectNode row, String navigationProperty) {
    return row.putNull(navigationProperty + "@odata.bind");
  }

  /** {@code /<entitySet>(<key>)}, the value of an {@code @odata.bind}. */
  public static String reference(String entitySet, RecordKey key) {
    return "/" + key.path(entitySet);
  }
}
