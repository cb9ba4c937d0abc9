package org.spotlerconnector.sandbox.dataverse.query;

/** A table as a FetchXML query sees it: its columns, and the primary key that links and paging cookies use. */
public interface FetchTable extends QuerySchema {

  /** The primary key column, e.g. {@code contactid}. */
  String primaryIdColumn();
}
