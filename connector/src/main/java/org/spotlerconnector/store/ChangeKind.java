package org.spotlerconnector.store;

/** What happened to a Dataverse record; the outbound flow decides what each means for the Spotler contact. */
public enum ChangeKind {
  /** Created or updated: send the current values. */
  UPSERT,
  /** Set inactive (or Do Not Email). */
  DEACTIVATE,
  /** Deleted in Dataverse. */
  DELETE
}
