package org.spotlerconnector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.NotFoundException;

/**
 * Reads a table's definition from the Dataverse metadata Web API: its names, every column with its type and details
 * ({@link org.spotlerconnector.mapping.ColumnMetadata}), and every lookup with the tables it points to and their
 * navigation properties. First the table with its columns and lookups:
 *
 * <pre>{@code
 * GET EntityDefinitions(LogicalName='contact')
 *     ?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute
 *     &$expand=Attributes($select=LogicalName,AttributeType,AttributeTypeName),
 *         ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName)
 * }</pre>
 *
 * then one {@link TypedAttributeQuery} per attribute type among its columns that has details: a text's length, a
 * number's range and precision, a date's behaviour, a choice's options with their labels. Queries on the attribute
 * collection cannot do with fewer: those properties exist only on the derived attribute types, and each type needs a
 * cast, and so a query, of its own. A table takes at most 14 requests (1 + 13 types), whatever its number of columns.
 *
 * <p>Thread-safe; caches nothing (see {@link LiveDataverseSchema}).
 */
public final class DataverseSchemaReader {
  private static final Logger LOG = LoggerFactory.getLogger(DataverseSchemaReader.class);
  /** Logical names are letters, digits and underscores; anything else cannot name a table, and stays out of URLs. */
  private static final Pattern LOGICAL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /**
   * The OData routing error ("Resource not found for the segment 'EntityDefinitions'"): the URL is not a metadata
   * endpoint at all (a wrong environment URL or API version), which says nothing about the table.
   */
  private static final String SEGMENT_NOT_FOUND = "0x8006088a";
  private static final String DEFINITION_OPTIONS =
      "?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute"
          + "&$expand=Attributes($select=LogicalName,AttributeType,AttributeTypeName),"
          + "ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity,"
          + "ReferencingEntityNavigationPropertyName)";

  private final Function<String, JsonNode> get;

  public DataverseSchemaReader(DataverseClient client) {
    this(Objects.requireNonNull(client, "client")::get);
  }

  /** @param get answers a GET of a URL relative to the Web API service root, as {@link DataverseClient#get} does */
  DataverseSchemaReader(Function<String, JsonNode> get) {
    this.get = get;
  }

  /**
   * The definition of one table.
   *
   * @param logicalName e.g. {@code contact}
   * @throws MissingTableException when Dataverse answers 404 for the table
   * @throws IllegalArgumentException when {@code logicalName} is not shaped like a logical name
   * @throws org.spotlerconnector.dataverse.DataverseException when Dataverse refuses the request otherwise (such as
   *     {@link org.spotlerconnector.dataverse.AccessDeniedException}, or a 404 because the metadata endpoint itself is
   *     unknown) or answers with something that is no table definition
   */
  public TableMetadata read(String logicalName) {
    if (!isLogicalName(logicalName)) {
      throw new IllegalArgumentException("'" + logicalName + "' is not a Dataverse table's logical name");
    }
    JsonNode definition = fetch(logicalName, definitionUrl(logicalName));
    List<TypedAttributeQuery> queries = TypedAttributeQuery.neededFor(definition.path("Attributes"));
    TableMetadata table =
        EntityDefinitionParser.parse(logicalName, definition, typedAttributes(logicalName, queries));
    LOG.atDebug()
        .setMessage("Read a Dataverse table definition")
        .addKeyValue("table", table.logicalName())
        .addKeyValue("columns", table.schema().columnNames().size())
        .addKeyValue("navigationProperties", table.schema().navigationPropertyNames().size())
        .addKeyValue("requests", 1 + queries.size())
        .log();
    return table;
  }

  /**
   * Whether the table exists, in one request ({@code EntityDefinitions(LogicalName='…')?$select=LogicalName}), for
   * callers that need no column details.
   *
   * @throws IllegalArgumentException when {@code logicalName} is not shaped like a logical name
   */
  public boolean exists(String logicalName) {
    if (!isLogicalName(logicalName)) {
      throw new IllegalArgumentException("'" + logicalName + "' is not a Dataverse table's logical name");
    }
    try {
      fetch(logicalName, "EntityDefinitions(LogicalName='" + logicalName + "')?$select=LogicalName");
      return true;
    } catch (MissingTableException missing) {
      return false;
    }
  }

  /** The entries of the typed queries' answers, by the attribute's {@code LogicalName}. */
  private Map<String, JsonNode> typedAttributes(String logicalName, List<TypedAttributeQuery> queries) {
    Map<String, JsonNode> attributes = new HashMap<>();
    for (TypedAttributeQuery query : queries) {
      String url = query.url(logicalName);
      JsonNode answer = fetch(logicalName, url);
      if (!answer.path("value").isArray()) {
        throw EntityDefinitionParser.malformed(logicalName, "has no attribute collection at " + url);
      }
      answer.get("value").forEach(attribute -> attributes.put(attribute.path("LogicalName").asText(), attribute));
    }
    return attributes;
  }

  /** A 404 for the table (not for the metadata endpoint itself) means it is missing, also when it goes in between. */
  private JsonNode fetch(String logicalName, String url) {
    try {
      return get.apply(url);
    } catch (NotFoundException e) {
      if (SEGMENT_NOT_FOUND.equalsIgnoreCase(e.errorCode())) {
        throw e;
      }
      throw new MissingTableException(logicalName, e);
    }
  }

  static boolean isLogicalName(String name) {
    return name != null && LOGICAL_NAME.matcher(name).matches();
  }

  static String definitionUrl(String logicalName) {
    return "EntityDefinitions(LogicalName='" + logicalName + "')" + DEFINITION_OPTIONS;
  }
}
