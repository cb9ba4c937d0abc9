package org.spotlerconnector.spotler.automation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The overall {@code result} of an automation trigger ({@code ExternalTriggerResponse}, spotler-api.md §3.1). */
public enum TriggerResultCode {
  /** {@code 200}: at least one automation started. */
  OK,
  /** Listed in the spec without a status; kept apart from codes newer than the spec. */
  UNKNOWN,
  /** {@code 404}: no automation has this trigger code. */
  TRIGGER_NOTFOUND,
  /** {@code 404}: Mail+ has no contact with this external id; upsert it first. */
  CONTACT_NOTFOUND,
  /** {@code 417}: no automation started; the per-automation results say why. */
  NOT_TRIGGERED,
  /** A code newer than the spec. */
  @JsonEnumDefaultValue
  UNRECOGNIZED
}
