package org.spotlerconnector.sandbox.dataverse.query;

import java.time.Clock;
import java.util.Map;

/**
 * Turns a {@code $filter} query option into a {@link RowFilter}, rejecting what Dataverse rejects with the texts it
 * uses (dataverse-api.md §2.2, §2.4).
 *
 * <p>Supported: {@code eq ne gt ge lt le}; {@code and or not} and parentheses; {@code contains}, {@code startswith},
 * {@code endswith} (SQL LIKE wildcards apply); {@code eq null}/{@code ne null}; string, number, Boolean, GUID,
 * date and date-time literals; column-to-column comparison; parameter aliases; the query functions {@code In},
 * {@code NotIn}, {@code ContainValues}, {@code DoesNotContainValues}, {@code Between}, {@code NotBetween},
 * {@code On}, {@code OnOrAfter}, {@code OnOrBefore}, {@code LastXDays}, {@code NextXDays}, {@code LastXHours} and
 * {@code NextXHours}. Strings compare case-insensitively. A comparison with a null value is neither true nor false,
 * so {@code ne 'x'} and {@code not (... eq 'x')} leave out rows where the column is null, as in SQL.
 */
public final class FilterParser {

  private FilterParser() {}

  /**
   * @param filter the option's decoded value; null (no {@code $filter}) gives a filter that keeps every row
   * @throws ODataQueryException when the filter is malformed or names an unknown column
   */
  public static RowFilter parse(String filter, QuerySchema schema) {
    return parse(filter, schema, Map.of());
  }

  /**
   * @param aliases the request's parameter aliases ({@code @p1='lastname'}), keyed with or without the leading
   *     {@code @}, values as they appear in the decoded query string; an alias the filter uses but the request
   *     leaves out stands for null, as in OData
   * @throws ODataQueryException when the filter is malformed or names an unknown column
   */
  public static RowFilter parse(String filter, QuerySchema schema, Map<String, String> aliases) {
    return parse(filter, schema, aliases, Clock.systemUTC());
  }

  /** As {@link #parse(String, QuerySchema, Map)}, with the clock relative date functions such as LastXDays use. */
  public static RowFilter parse(String filter, QuerySchema schema, Map<String, String> aliases, Clock clock) {
    if (filter == null) {
      return RowFilter.all();
    }
    Condition condition = bind(filter, schema, aliases, clock);
    return row -> condition.evaluate(row) == Truth.TRUE;
  }

  static Condition bind(String filter, QuerySchema schema, Map<String, String> aliases, Clock clock) {
    return new FilterBinder(schema, clock).bind(FilterExpressionParser.parse(filter, aliases));
  }
}
