package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What Mail+ did with one contact of a bulk upsert. A rejected contact is a result, not an exception: the rest of the
 * batch went through (spotler-api.md §8 Q9).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactResult(String externalId, ContactResultCode code, String message) {
  public ContactResult {
    code = code == null ? ContactResultCode.UNRECOGNIZED : code;
  }

  public boolean isOk() {
    return code == ContactResultCode.OK;
  }
}
