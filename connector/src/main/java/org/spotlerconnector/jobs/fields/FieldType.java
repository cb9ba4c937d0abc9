package org.spotlerconnector.jobs.fields;

/** The value an Automation Field takes (docs/adr/0003): one text, one web address, or a list of product ids. */
public enum FieldType {
  STRING,
  URL,
  PRODUCTLIST;

  /** The placeholder the marketer replaces, as the manual shows it: {@code <STRING>}, {@code <URL>}, ... */
  public String typeHint() {
    return "<" + name() + ">";
  }

  public boolean isList() {
    return this == PRODUCTLIST;
  }
}
