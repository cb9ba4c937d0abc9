package org.spotlerconnector.sandbox.mailplus;

/**
 * The type of an automation field or a campaign field: the {@code CampaignField.type} enum of the Swagger spec, which
 * the automation fields share (ADR 0003, spotler-api.md §3.2 "AV shows the types as STRING, URL, PRODUCTLIST").
 */
public enum FieldType {
  STRING,
  URL,
  PRODUCTLIST;

  /** A {@code PRODUCTLIST} takes {@code values}; the other types take one {@code value}. */
  boolean isList() {
    return this == PRODUCTLIST;
  }
}
