package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The per-contact outcome of a bulk upsert ({@code ContactResponseCode} in the spec, spotler-api.md §2.9). */
public enum ContactResultCode {
  OK,
  PROPERTY_INVALID,
  CONTACT_ALREADY_EXISTS,
  CONTACT_UNKNOWN,
  CONTACT_OPTOUT,
  NO_ACTIVE_CHANNEL,
  ERROR,
  /** A code newer than the 2022 spec. */
  @JsonEnumDefaultValue
  UNRECOGNIZED
}
