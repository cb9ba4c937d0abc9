package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The {@code $select}, {@code $filter} and {@code $expand} of a definition query, checked against the declared type of
 * the resource (query-metadata-web-api.md): without a cast, {@code Attributes} offers only the properties common to
 * all attributes. {@code MetadataId} is always returned. Expanded navigation properties take the same options,
 * separated by {@code ;}, e.g. {@code Attributes($select=LogicalName;$filter=AttributeType eq …)}. There is no paging:
 * every matching definition comes back in one response.
 *
 * @param select the selected properties in request order, or null for all properties of each item's own type
 * @param filter null for none
 */
record MetadataQuery(List<String> select, MetadataFilter filter, List<MetadataQuery.Expand> expands) {
  private static final String SELECT = "$select";
  private static final String FILTER = "$filter";
  private static final String EXPAND = "$expand";
  private static final Set<String> OPTIONS = Set.of(SELECT, FILTER, EXPAND);

  /** One expanded navigation property with its nested options. */
  record Expand(Navigation navigation, MetadataQuery query) {}

  /** The query of a request's query string; other system query options such as {@code $top} are refused. */
  static MetadataQuery of(Map<String, List<String>> parameters, MetadataType type) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (!name.startsWith("$")) {
        continue;
      }
      if (!OPTIONS.contains(name)) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR, "The query parameter '" + name + "' is not supported.");
      }
      if (parameter.getValue().size() > 1) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "Query option '" + name + "' was specified more than once, but it must be specified at most once.");
      }
      options.put(name, parameter.getValue().get(0));
    }
    return parse(options, type);
  }

  private static MetadataQuery parse(Map<String, String> options, MetadataType type) {
    String filter = options.get(FILTER);
    return new MetadataQuery(
        select(options.get(SELECT), type),
        filter == null ? null : MetadataFilter.parse(filter, type),
        expands(options.get(EXPAND), type));
  }

  boolean hasFilter() {
    return filter != null;
  }

  /** The selection part of a context URL, e.g. {@code (LogicalName,Attributes(LogicalName))}; empty for none. */
  String selection() {
    List<String> parts = new ArrayList<>();
    if (select != null) {
      parts.addAll(select);
    }
    for (Expand expand : expands) {
      parts.add(expand.navigation().name() + expand.query().selection());
    }
    return parts.isEmpty() ? "" : "(" + String.join(",", parts) + ")";
  }

  /** The items that pass the {@code $filter}. */
  List<MetadataItem> matching(List<MetadataItem> items) {
    return filter == null ? items : items.stream().filter(item -> filter.test(item.properties())).toList();
  }

  /**
   * One definition as an entry: {@code @odata.type} when its type is derived from the declared one, the selected
   * properties, {@code MetadataId}, then the expanded navigation properties.
   */
  ObjectNode render(MetadataItem item, MetadataType declared) {
    ObjectNode properties = item.properties();
    ObjectNode entry = Json.object();
    if (item.type() != declared) {
      entry.put("@odata.type", "#" + item.type().qualifiedName());
    }
    if (select == null) {
      entry.setAll(properties);
    } else {
      for (String property : select) {
        if (properties.has(property)) {
          entry.set(property, properties.get(property));
        }
      }
      entry.set(MetadataType.METADATA_ID, properties.get(MetadataType.METADATA_ID));
    }
    for (Expand expand : expands) {
      Navigation navigation = expand.navigation();
      List<MetadataItem> related = expand.query().matching(item.related(navigation.name()));
      if (navigation.collection()) {
        ArrayNode array = entry.putArray(navigation.name());
        related.forEach(r -> array.add(expand.query().render(r, navigation.target())));
      } else if (related.isEmpty()) {
        entry.putNull(navigation.name());
      } else {
        entry.set(navigation.name(), expand.query().render(related.get(0), navigation.target()));
      }
    }
    return entry;
  }

  private static List<String> select(String text, MetadataType type) {
    if (text == null || text.isBlank() || text.strip().equals("*")) {
      return null;
    }
    Set<String> selected = new LinkedHashSet<>();
    for (OptionText.Part part : OptionText.split(text, ',')) {
      String name = part.text().strip();
      if (name.isEmpty()) {
        throw syntaxError("Expression expected", part.position(), text);
      }
      if (!type.properties().contains(name) && type.navigation(name).isEmpty()) {
        throw propertyNotFound(name, type);
      }
      selected.add(name);
    }
    return List.copyOf(selected);
  }

  private static List<Expand> expands(String text, MetadataType type) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Expand> expands = new ArrayList<>();
    for (OptionText.Part part : OptionText.split(text, ',')) {
      expands.add(expand(part.text().strip(), type));
    }
    return List.copyOf(expands);
  }

  private static Expand expand(String item, MetadataType type) {
    int open = item.indexOf('(');
    String name = (open < 0 ? item : item.substring(0, open)).strip();
    if (name.isEmpty()) {
      throw syntaxError("Expression expected", 0, item);
    }
    Navigation navigation = type.navigation(name).orElseThrow(() -> propertyNotFound(name, type));
    if (open < 0) {
      return new Expand(navigation, new MetadataQuery(null, null, List.of()));
    }
    if (!item.endsWith(")")) {
      throw syntaxError("')' or ',' expected", item.length(), item);
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (OptionText.Part part : OptionText.split(item.substring(open + 1, item.length() - 1), ';')) {
      String option = part.text().strip();
      if (option.isEmpty()) {
        continue;
      }
      int equals = option.indexOf('=');
      String optionName = equals < 0 ? option : option.substring(0, equals).strip();
      if (!OPTIONS.contains(optionName) || equals < 0) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "The query option '" + optionName + "' is not supported in the $expand of '" + name + "'.");
      }
      if (options.put(optionName, option.substring(equals + 1)) != null) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "Query option '" + optionName + "' was specified more than once, but it must be specified at most once.");
      }
    }
    return new Expand(navigation, parse(options, navigation.target()));
  }

  /** The OData URI parser's text for an unknown property. */
  static ODataQueryException propertyNotFound(String property, MetadataType type) {
    return new ODataQueryException(
        ODataQueryException.QUERY_PARSE_ERROR,
        "Could not find a property named '" + property + "' on type '" + type.qualifiedName() + "'.");
  }

  private static ODataQueryException syntaxError(String problem, int position, String text) {
    return new ODataQueryException(
        ODataQueryException.QUERY_PARSE_ERROR, problem + " at position " + position + " in '" + text + "'.");
  }
}
