package org.spotlerconnector.dataverse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A query of one entity set with the options Dataverse supports (dataverse-api.md §2.4): {@code $select},
 * {@code $filter}, {@code $expand}, {@code $orderby}, {@code $top} and parameter aliases ({@code @p1}). There is
 * deliberately no {@code $skip}: Dataverse does not support it; pages are followed by their next link. Immutable:
 * every method returns a new query.
 *
 * <pre>{@code
 * ODataQuery.of("contacts").select("fullname", "emailaddress1").filter("statecode eq 0").orderBy("createdon asc")
 * }</pre>
 */
public record ODataQuery(
    String entitySet, List<String> select, String filter, String expand, List<String> orderBy, Integer top,
    Map<String, String> aliases) {

  public ODataQuery {
    if (entitySet == null || !entitySet.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not an entity set name: " + entitySet);
    }
    select = List.copyOf(select);
    orderBy = List.copyOf(orderBy);
    aliases = Map.copyOf(aliases);
    if (top != null && top < 1) {
      throw new IllegalArgumentException("$top must be >= 1");
    }
  }

  public static ODataQuery of(String entitySet) {
    return new ODataQuery(entitySet, List.of(), null, null, List.of(), null, Map.of());
  }

  public ODataQuery select(String... columns) {
    return new ODataQuery(entitySet, List.of(columns), filter, expand, orderBy, top, aliases);
  }

  public ODataQuery filter(String expression) {
    return new ODataQuery(entitySet, select, Objects.requireNonNull(expression), expand, orderBy, top, aliases);
  }

  /** e.g. {@code parentcustomerid_account($select=name)}. */
  public ODataQuery expand(String expression) {
    return new ODataQuery(entitySet, select, filter, Objects.requireNonNull(expression), orderBy, top, aliases);
  }

  /** e.g. {@code "createdon desc", "fullname"}. */
  public ODataQuery orderBy(String... clauses) {
    return new ODataQuery(entitySet, select, filter, expand, List.of(clauses), top, aliases);
  }

  /** Ignored by Dataverse when a page size is requested too (§2.5). */
  public ODataQuery top(int rows) {
    return new ODataQuery(entitySet, select, filter, expand, orderBy, rows, aliases);
  }

  /** A parameter alias used in {@code $filter}/{@code $orderby}: {@code alias("@p1", "'lastname'")}. */
  public ODataQuery alias(String name, String value) {
    if (!name.matches("@[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a parameter alias looks like @p1, not " + name);
    }
    Map<String, String> more = new LinkedHashMap<>(aliases);
    more.put(name, Objects.requireNonNull(value));
    return new ODataQuery(entitySet, select, filter, expand, orderBy, top, more);
  }

  /** Options change tracking refuses ("… query parameter isn't supported when Change Tracking is enabled", §3). */
  List<String> optionsForbiddenWithChangeTracking() {
    List<String> forbidden = new ArrayList<>();
    if (filter != null) {
      forbidden.add("$filter");
    }
    if (!orderBy.isEmpty()) {
      forbidden.add("$orderby");
    }
    if (expand != null) {
      forbidden.add("$expand");
    }
    if (top != null) {
      forbidden.add("$top");
    }
    return forbidden;
  }

  /** {@code <entitySet>?$select=…&$filter=…}, relative to the service root, values percent-encoded. */
  public String toRelativeUrl() {
    StringJoiner options = new StringJoiner("&", "?", "").setEmptyValue("");
    if (!select.isEmpty()) {
      options.add("$select=" + UriEncoding.queryValue(String.join(",", select)));
    }
    if (filter != null) {
      options.add("$filter=" + UriEncoding.queryValue(filter));
    }
    if (expand != null) {
      options.add("$expand=" + UriEncoding.queryValue(expand));
    }
    if (!orderBy.isEmpty()) {
      options.add("$orderby=" + UriEncoding.queryValue(String.join(",", orderBy)));
    }
    if (top != null) {
      options.add("$top=" + top);
    }
    aliases.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(alias -> options.add(alias.getKey() + "=" + UriEncoding.queryValue(alias.getValue())));
    return entitySet + options;
  }
}
