package org.spotlerconnector.sandbox.dataverse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * The system query options of a request, checked the way Dataverse checks them (dataverse-api.md §2.4): names are
 * case-sensitive, {@code $skip}, {@code $search} and {@code $format} are refused, as is any other unknown
 * {@code $}-option, and each option may appear once. Parameter aliases ({@code @p1=…}) are collected for
 * {@code $filter} and {@code $orderby}; {@code fetchXml} carries a FetchXML query; other custom options are ignored,
 * as OData ignores them.
 *
 * @param top the {@code $top} value, or null
 * @param fetchXml the decoded {@code fetchXml} parameter, or null
 */
record QueryOptions(
    String select,
    String filter,
    String orderby,
    String expand,
    Integer top,
    boolean count,
    String skiptoken,
    String deltatoken,
    String fetchXml,
    Map<String, String> aliases) {

  private static final Set<String> SUPPORTED =
      Set.of("$select", "$filter", "$orderby", "$expand", "$top", "$count", "$skiptoken", "$deltatoken");
  private static final String FETCH_XML = "fetchXml";

  static QueryOptions of(HttpRequest request) {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : request.queryParameters().entrySet()) {
      String name = parameter.getKey();
      if (name.startsWith("$")) {
        if (!SUPPORTED.contains(name)) {
          throw DataverseException.badRequest(
              DataverseException.ODATA_QUERY, "The query parameter '" + name + "' is not supported.");
        }
        if (parameter.getValue().size() > 1) {
          throw DataverseException.badRequest(
              DataverseException.ODATA_QUERY,
              "Query option '" + name + "' was specified more than once, but it must be specified at most once.");
        }
        options.put(name, parameter.getValue().get(0));
      } else if (name.startsWith("@")) {
        aliases.put(name, parameter.getValue().get(0));
      } else if (name.equals(FETCH_XML)) {
        if (parameter.getValue().size() > 1) {
          throw DataverseException.badRequest(
              DataverseException.ODATA_QUERY, "The fetchXml parameter was specified more than once.");
        }
        options.put(FETCH_XML, parameter.getValue().get(0));
      }
    }
    return new QueryOptions(
        options.get("$select"),
        options.get("$filter"),
        options.get("$orderby"),
        options.get("$expand"),
        top(options.get("$top")),
        count(options.get("$count")),
        options.get("$skiptoken"),
        options.get("$deltatoken"),
        options.get(FETCH_XML),
        aliases);
  }

  /**
   * dataverse-api.md §4.4: a FetchXML query says itself what to select, filter, order and page; of the system query
   * options only {@code $count} goes with it ("the same as returntotalrecordcount", count-rows.md).
   */
  void requireNoneBesidesFetchXml() {
    Map<String, Object> others = new LinkedHashMap<>();
    others.put("$select", select);
    others.put("$filter", filter);
    others.put("$orderby", orderby);
    others.put("$expand", expand);
    others.put("$top", top);
    others.put("$skiptoken", skiptoken);
    others.put("$deltatoken", deltatoken);
    others.forEach(
        (name, value) -> {
          if (value != null) {
            throw DataverseException.badRequest(
                DataverseException.ODATA_QUERY, "The query parameter '" + name + "' cannot be combined with fetchXml.");
          }
        });
  }

  /** Refuses options that make no sense on a single row, such as {@code $top}. */
  void requireSingleRowOptions() {
    rejectIfPresent("$filter", filter);
    rejectIfPresent("$orderby", orderby);
    rejectIfPresent("$top", top);
    rejectIfPresent("$skiptoken", skiptoken);
    rejectIfPresent("$deltatoken", deltatoken);
  }

  /** dataverse-api.md §3: these options are refused together with change tracking. */
  void requireNoneForbiddenWithChangeTracking() {
    if (filter != null) {
      throw DataverseException.notWithChangeTracking("$filter");
    }
    if (orderby != null) {
      throw DataverseException.notWithChangeTracking("$orderby");
    }
    if (expand != null) {
      throw DataverseException.notWithChangeTracking("$expand");
    }
    if (top != null) {
      throw DataverseException.notWithChangeTracking("$top");
    }
  }

  private static void rejectIfPresent(String name, Object value) {
    if (value != null) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "The query parameter '" + name + "' is not supported for a single record.");
    }
  }

  private static Integer top(String value) {
    if (value == null) {
      return null;
    }
    try {
      int top = Integer.parseInt(value);
      if (top >= 0) {
        return top;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DataverseException.badRequest(
        DataverseException.ODATA_QUERY,
        "Invalid value '" + value + "' for $top query option found. The $top query option requires a non-negative"
            + " integer value.");
  }

  private static boolean count(String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw DataverseException.badRequest(DataverseException.ODATA_QUERY, "'" + value + "' is not a valid count option.");
  }
}
