package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.spotlerconnector.sandbox.dataverse.query.FetchXmlDocument.XmlElement;

/**
 * Parses a FetchXML query ({@code GET <entityset>?fetchXml=…}, dataverse-api.md §4.4 and the FetchXML reference) into
 * a {@link FetchQuery}: the {@code fetch} paging attributes ({@code count}, {@code page}, {@code paging-cookie},
 * {@code top}, {@code returntotalrecordcount}); one {@code entity} with {@code attribute} or {@code all-attributes}
 * (neither means all columns), {@code order} on its columns, {@code filter}s (see {@link FetchConditions}); and
 * {@code link-entity} elements one level deep that join the row a lookup points at ({@code to} the lookup,
 * {@code from} the linked table's primary key), inner or outer, with their own attributes and filter. A linked table's
 * columns can be tested in the entity's filter through the condition's {@code entityname} (the link's alias, or its
 * name when it has none). Valid FetchXML beyond this (aggregates, attribute aliases, other link shapes) is refused
 * with a message that names what is not supported; malformed or invalid FetchXML is refused as the platform refuses
 * it.
 */
public final class FetchXml {
  /** The FetchXML reference: "This value cannot exceed 5,000". */
  public static final int MAX_TOP = 5_000;

  private final Function<String, Optional<? extends FetchTable>> tables;
  /** Links without an alias, by table name: a condition's {@code entityname} may name them so. */
  private final Map<String, FetchQuery.Link> unaliased = new HashMap<>();

  private FetchXml(Function<String, Optional<? extends FetchTable>> tables) {
    this.tables = tables;
  }

  /**
   * @param tables the tables by logical name
   * @throws FetchXmlException when the query is malformed, invalid for the tables or not supported
   */
  public static FetchQuery parse(String xml, Function<String, Optional<? extends FetchTable>> tables) {
    return new FetchXml(tables).fetch(FetchXmlDocument.parse(xml));
  }

  private FetchQuery fetch(XmlElement fetch) {
    if (bool(fetch, "aggregate")) {
      throw FetchXmlException.unsupported("aggregate queries");
    }
    if (fetch.attribute("datasource").isPresent()) {
      throw FetchXmlException.unsupported("the 'datasource' attribute (long term data retention)");
    }
    bool(fetch, "distinct"); // only many-to-one links are joined, so rows never repeat: distinct changes nothing
    Integer count = positive(fetch, "count");
    Integer page = positive(fetch, "page");
    Integer top = positive(fetch, "top");
    boolean totalRecordCount = bool(fetch, "returntotalrecordcount");
    if (top != null) {
      if (top > MAX_TOP) {
        throw FetchXmlException.invalid("The 'top' attribute cannot exceed " + MAX_TOP + ".");
      }
      if (count != null || page != null) {
        throw FetchXmlException.invalid("The 'top' attribute cannot be used with paging ('count' and 'page').");
      }
      if (totalRecordCount) {
        throw FetchXmlException.invalid("The 'top' attribute cannot be used with 'returntotalrecordcount'.");
      }
    }
    List<XmlElement> entities = fetch.children("entity");
    if (entities.size() != 1) {
      throw FetchXmlException.invalid("A FetchXML query has exactly one 'entity' element.");
    }
    XmlElement entity = entities.get(0);
    FetchTable table = table(required(entity, "name"));
    List<FetchQuery.Link> links = links(entity, table);
    Scope scope = new Scope(table, links, unaliased);
    List<Condition> filters = new ArrayList<>();
    for (XmlElement filter : entity.children("filter")) {
      filters.add(FetchConditions.filter(filter, scope));
    }
    Condition filter = Condition.all(filters);
    return new FetchQuery(
        table, attributes(entity, table), links, row -> filter.evaluate(row) == Truth.TRUE, orders(entity, table),
        count, page, fetch.attribute("paging-cookie").orElse(null), top, totalRecordCount);
  }

  private FetchTable table(String logicalName) {
    return tables.apply(logicalName).orElseThrow(() -> FetchXmlException.invalid(
        "The entity with a name = '" + logicalName + "' with namemapping = 'Logical' was not found in the"
            + " MetadataCache."));
  }

  /** The property names of the entity's columns to return; null for all of them. */
  private static List<String> attributes(XmlElement entity, FetchTable table) {
    if (!entity.children("all-attributes").isEmpty()) {
      return null;
    }
    List<XmlElement> attributes = entity.children("attribute");
    if (attributes.isEmpty()) {
      return null; // an entity without attribute elements is valid; the emulator returns every column then
    }
    Set<String> properties = new LinkedHashSet<>();
    for (XmlElement attribute : attributes) {
      properties.add(column(table, attributeName(attribute)).name());
    }
    return List.copyOf(properties);
  }

  private static String attributeName(XmlElement attribute) {
    for (String unsupported : List.of("alias", "aggregate", "groupby", "dategrouping", "rowaggregate")) {
      if (attribute.attribute(unsupported).isPresent()) {
        throw FetchXmlException.unsupported("the '" + unsupported + "' attribute of an attribute element");
      }
    }
    return required(attribute, "name");
  }

  private static List<FetchQuery.Order> orders(XmlElement entity, FetchTable table) {
    List<FetchQuery.Order> orders = new ArrayList<>();
    for (XmlElement order : entity.children("order")) {
      if (order.attribute("alias").isPresent() || order.attribute("entityname").isPresent()) {
        throw FetchXmlException.unsupported("ordering by an alias or a linked table's column");
      }
      String attribute = required(order, "attribute");
      Column column = column(table, attribute);
      boolean descending = bool(order, "descending");
      Comparator<ObjectNode> ascending = OrderByParser.nullsFirst(column);
      orders.add(new FetchQuery.Order(
          attribute, column.name(), descending, descending ? ascending.reversed() : ascending));
    }
    return orders;
  }

  private List<FetchQuery.Link> links(XmlElement entity, FetchTable parent) {
    List<FetchQuery.Link> links = new ArrayList<>();
    Map<String, Integer> unnamed = new HashMap<>();
    Set<String> aliases = new LinkedHashSet<>();
    for (XmlElement link : entity.children("link-entity")) {
      String name = required(link, "name");
      String alias = link.attribute("alias").orElseGet(() -> name + unnamed.merge(name, 1, Integer::sum));
      if (!aliases.add(alias)) {
        throw FetchXmlException.invalid("The link-entity alias '" + alias + "' is used more than once.");
      }
      FetchQuery.Link bound = link(link, parent, alias);
      links.add(bound);
      if (link.attribute("alias").isEmpty()) {
        unaliased.putIfAbsent(name, bound);
      }
    }
    return links;
  }

  private FetchQuery.Link link(XmlElement link, FetchTable parent, String alias) {
    String linkType = link.attribute("link-type").orElse("inner");
    if (!linkType.equals("inner") && !linkType.equals("outer")) {
      throw FetchXmlException.unsupported("the link-type '" + linkType + "'");
    }
    if (!link.children("link-entity").isEmpty()) {
      throw FetchXmlException.unsupported("a link-entity inside a link-entity");
    }
    if (!link.children("order").isEmpty()) {
      throw FetchXmlException.unsupported("ordering by a linked table's column");
    }
    if (!link.children("all-attributes").isEmpty()) {
      throw FetchXmlException.unsupported("all-attributes in a link-entity");
    }
    FetchTable table = table(required(link, "name"));
    String from = required(link, "from");
    Column to = column(parent, required(link, "to"));
    if (!from.equals(table.primaryIdColumn()) || to.kind() != ColumnKind.LOOKUP) {
      throw FetchXmlException.unsupported("a link-entity other than from the linked table's primary key to a lookup"
          + " of the queried table (one-to-many and many-to-many joins)");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (XmlElement attribute : link.children("attribute")) {
      String name = attributeName(attribute);
      attributes.put(name, column(table, name).name());
    }
    Scope scope = new Scope(table, List.of(), Map.of());
    List<Condition> filters = new ArrayList<>();
    for (XmlElement filter : link.children("filter")) {
      filters.add(FetchConditions.filter(filter, scope));
    }
    Condition filter = Condition.all(filters);
    return new FetchQuery.Link(
        table, alias, to.name(), linkType.equals("outer"), Collections.unmodifiableMap(attributes),
        row -> filter.evaluate(row) == Truth.TRUE);
  }

  /** A column by logical name: a lookup {@code x} is the property {@code _x_value}. */
  static Column column(FetchTable table, String logicalName) {
    String lookupProperty = "_" + logicalName + "_value";
    Optional<ColumnKind> lookup = table.column(lookupProperty).filter(kind -> kind == ColumnKind.LOOKUP);
    if (lookup.isPresent()) {
      return new Column(lookupProperty, ColumnKind.LOOKUP);
    }
    if (logicalName.startsWith("_")) {
      throw FetchXmlException.noAttribute(table.logicalName(), logicalName);
    }
    return table.column(logicalName)
        .map(kind -> new Column(logicalName, kind))
        .orElseThrow(() -> FetchXmlException.noAttribute(table.logicalName(), logicalName));
  }

  private static String required(XmlElement element, String attribute) {
    return element.attribute(attribute).filter(v -> !v.isBlank()).orElseThrow(() -> FetchXmlException.invalid(
        "The '" + element.name() + "' element needs a '" + attribute + "' attribute."));
  }

  /** An {@code xs:boolean} attribute; false when absent. */
  private static boolean bool(XmlElement element, String attribute) {
    String value = element.attribute(attribute).orElse("false").strip();
    return switch (value) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw FetchXmlException.invalid(
          "The '" + attribute + "' attribute of '" + element.name() + "' must be true or false, not '" + value + "'.");
    };
  }

  private static Integer positive(XmlElement element, String attribute) {
    Optional<String> text = element.attribute(attribute);
    if (text.isEmpty()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.get().strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw FetchXmlException.invalid(
        "The '" + attribute + "' attribute must be a positive whole number, not '" + text.get() + "'.");
  }

  /** The columns of the queried table, and those of its links through {@code entityname} or {@code alias.column}. */
  private static final class Scope implements FetchConditions.Scope {
    private final FetchTable table;
    private final Map<String, FetchQuery.Link> links = new LinkedHashMap<>();

    Scope(FetchTable table, List<FetchQuery.Link> links, Map<String, FetchQuery.Link> byTableName) {
      this.table = table;
      byTableName.forEach(this.links::put);
      links.forEach(link -> this.links.put(link.alias(), link));
    }

    @Override
    public Column column(String entityName, String attribute) {
      if (entityName == null || entityName.equals(table.logicalName())) {
        return FetchXml.column(table, attribute);
      }
      FetchQuery.Link link = links.get(entityName);
      if (link == null) {
        throw FetchXmlException.invalid("The entityname '" + entityName + "' of a condition names no link-entity"
            + " alias of this query.");
      }
      Column column = FetchXml.column(link.table(), attribute);
      return new Column(link.alias() + "." + column.name(), column.kind());
    }

    @Override
    public Column valueOf(String reference) {
      int dot = reference.indexOf('.');
      return dot < 0 ? column(null, reference) : column(reference.substring(0, dot), reference.substring(dot + 1));
    }

    @Override
    public String qualified(Column column) {
      int dot = column.name().indexOf('.');
      String tableName = dot < 0 ? table.logicalName() : links.get(column.name().substring(0, dot)).table()
          .logicalName();
      return tableName + "." + logicalName(dot < 0 ? column.name() : column.name().substring(dot + 1));
    }

    private static String logicalName(String property) {
      return property.startsWith("_") && property.endsWith("_value")
          ? property.substring(1, property.length() - "_value".length())
          : property;
    }
  }
}
