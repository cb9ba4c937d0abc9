package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A FetchXML query, checked against the tables it names and ready to run. Filters and orders work on the values of a
 * row by Web API property name ({@code _parentcustomerid_value} for a lookup); once the rows of the linked tables are
 * joined in, their values sit in the same object under {@code <alias>.<property>}.
 *
 * @param attributes the property names of the columns to return, in the order asked; null for all columns
 * @param filter true for the (joined) rows the query returns
 * @param orders the sort order, first key first; empty for primary key order
 * @param count the page size ({@code count}), or null
 * @param page the page number ({@code page}), or null
 * @param pagingCookie the {@code paging-cookie} of the previous page, as the client set it, or null
 * @param top the {@code top} limit, or null
 * @param totalRecordCount whether {@code returntotalrecordcount} asks for the number of matching rows
 */
public record FetchQuery(
    FetchTable table,
    List<String> attributes,
    List<Link> links,
    RowFilter filter,
    List<Order> orders,
    Integer count,
    Integer page,
    String pagingCookie,
    Integer top,
    boolean totalRecordCount) {

  /**
   * A {@code link-entity} to the row a lookup of the queried table points at (many-to-one): {@code to} is the lookup,
   * {@code from} the linked table's primary key.
   *
   * @param alias the prefix of the linked row's values in the joined row and in the result
   * @param lookupProperty the queried table's lookup property, e.g. {@code _parentcustomerid_value}
   * @param outer whether rows without a (matching) linked row are kept
   * @param attributes the linked columns to return: logical name to property name, in the order asked
   * @param filter the link's own conditions, on the linked row's values
   */
  public record Link(
      FetchTable table, String alias, String lookupProperty, boolean outer, Map<String, String> attributes,
      RowFilter filter) {}

  /**
   * One sort key.
   *
   * @param attribute the column's logical name, as the paging cookie names it
   * @param property the column's Web API property name
   */
  public record Order(String attribute, String property, boolean descending, Comparator<ObjectNode> comparator) {}

  /** The rows' order: the sort keys, then the primary key, ascending, so that pages never overlap. */
  public Comparator<ObjectNode> order(Comparator<ObjectNode> byPrimaryKey) {
    Comparator<ObjectNode> order = (a, b) -> 0;
    for (Order key : orders) {
      order = order.thenComparing(key.comparator());
    }
    return order.thenComparing(byPrimaryKey);
  }
}
