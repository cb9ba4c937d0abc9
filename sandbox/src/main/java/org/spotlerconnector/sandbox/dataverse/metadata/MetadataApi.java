package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.spotlerconnector.sandbox.dataverse.DataverseException;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The metadata Web API over the emulator's tables. The read side: {@code EntityDefinitions} with its keys, navigation
 * properties ({@code Attributes}, {@code ManyToOneRelationships}, {@code OneToManyRelationships},
 * {@code ManyToManyRelationships}, {@code Keys}, {@code OptionSet}), type casts and {@code $select}/{@code $filter}/
 * {@code $expand}; {@code RelationshipDefinitions}; and the {@code RetrieveTotalRecordCount} function. Definitions are
 * built from the tables as they are at each call, so tables added at run time show up at once. The write side (see
 * {@link Customizer}): creating tables, columns, relationships and keys, updating tables and columns, and adding
 * and relabelling status reasons and options.
 *
 * <p>Callers authenticate and count the request first, like any other Web API call, and turn the exceptions into
 * error answers: {@link DataverseException} with its status, {@link ODataQueryException} as 400.
 */
public final class MetadataApi {
  private final TableCatalog catalog;
  private final Customizations customizations = new Customizations();
  private final Customizer customizer;

  /** A read-only metadata API over fixed tables. */
  public MetadataApi(Supplier<List<TableDefinition>> tables, ToLongFunction<String> rowCount) {
    this(TableCatalog.readOnly(tables, rowCount));
  }

  /** A metadata API that reads and changes the catalog's tables. */
  public MetadataApi(TableCatalog catalog) {
    this.catalog = catalog;
    this.customizer = new Customizer(catalog, customizations);
  }

  /**
   * Answers {@code GET EntityDefinitions[(<key>)][/<segment>…]}.
   *
   * @param keyText the text between the parentheses after {@code EntityDefinitions}, or null
   * @param segments the path segments after the first one
   * @param serviceRoot e.g. {@code http://127.0.0.1:7402/api/data/v9.2}, for the context URL
   * @return the body; empty when the URL addresses a single-valued navigation property that is null (204)
   */
  public Optional<ObjectNode> entityDefinitions(
      String keyText, List<String> segments, Map<String, List<String>> queryParameters, String serviceRoot) {
    return answer(DefinitionPath.resolve(model(), keyText, segments), queryParameters, serviceRoot);
  }

  /** Answers {@code GET RelationshipDefinitions[(<key>)][/<segment>…]}, as {@link #entityDefinitions}. */
  public Optional<ObjectNode> relationshipDefinitions(
      String keyText, List<String> segments, Map<String, List<String>> queryParameters, String serviceRoot) {
    return answer(DefinitionPath.resolveRelationships(model(), keyText, segments), queryParameters, serviceRoot);
  }

  /**
   * Answers {@code GET RetrieveTotalRecordCount(EntityNames=…)}.
   *
   * @param parameterText the text between the function's parentheses, or null when there are none
   */
  public ObjectNode retrieveTotalRecordCount(
      String parameterText, Map<String, List<String>> queryParameters, String serviceRoot) {
    return new TotalRecordCount(model(), catalog::rowCount).call(parameterText, queryParameters, serviceRoot);
  }

  /**
   * {@code POST EntityDefinitions}: creates a table with its columns.
   *
   * @param solution the {@code MSCRM.SolutionUniqueName} header, or null
   * @return the {@code OData-EntityId}: {@code <root>/EntityDefinitions(<MetadataId>)}
   */
  public String createEntity(JsonNode body, String solution, String serviceRoot) {
    UUID id = customizer.createEntity(body, solution);
    return serviceRoot + "/" + DefinitionPath.ENTITY_DEFINITIONS + "(" + id + ")";
  }

  /** {@code PUT EntityDefinitions(<key>)}: updates a table's labels and switches change tracking on. */
  public void updateEntity(String keyText, JsonNode body) {
    customizer.updateEntity(keyText, body);
  }

  /**
   * {@code POST EntityDefinitions(<key>)/Attributes}: adds a column.
   *
   * @return the {@code OData-EntityId}: {@code <root>/EntityDefinitions(<key as given>)/Attributes(<MetadataId>)}
   */
  public String createAttribute(String keyText, JsonNode body, String solution, String serviceRoot) {
    UUID id = customizer.createAttribute(keyText, body, solution);
    return serviceRoot + "/" + DefinitionPath.ENTITY_DEFINITIONS + "(" + keyText + ")/Attributes(" + id + ")";
  }

  /** {@code PUT EntityDefinitions(<key>)/Attributes(<key>)}: updates a column created through this API. */
  public void updateAttribute(String keyText, String attributeKey, JsonNode body) {
    customizer.updateAttribute(keyText, attributeKey, body);
  }

  /**
   * {@code POST EntityDefinitions(<key>)/Keys}: adds an alternate key.
   *
   * @return the {@code OData-EntityId}: {@code <root>/EntityDefinitions(<key as given>)/Keys(<MetadataId>)}
   */
  public String createKey(String keyText, JsonNode body, String solution, String serviceRoot) {
    UUID id = customizer.createKey(keyText, body, solution);
    return serviceRoot + "/" + DefinitionPath.ENTITY_DEFINITIONS + "(" + keyText + ")/Keys(" + id + ")";
  }

  /**
   * {@code POST RelationshipDefinitions}: creates a one-to-many relationship with its lookup.
   *
   * @return the {@code OData-EntityId}: {@code <root>/RelationshipDefinitions(<MetadataId>)}
   */
  public String createRelationship(JsonNode body, String solution, String serviceRoot) {
    UUID id = customizer.createRelationship(body, solution);
    return serviceRoot + "/" + DefinitionPath.RELATIONSHIP_DEFINITIONS + "(" + id + ")";
  }

  /** The {@code CreateCustomerRelationships} action: {@code CreateCustomerRelationshipsResponse}. */
  public ObjectNode createCustomerRelationships(JsonNode body, String solution, String serviceRoot) {
    Customizer.CustomerLookup created = customizer.createCustomerRelationships(body, solution);
    ObjectNode response = response(serviceRoot, "CreateCustomerRelationshipsResponse");
    ArrayNode ids = response.putArray("RelationshipIds");
    created.relationshipIds().forEach(id -> ids.add(id.toString()));
    response.put("AttributeId", created.attributeId().toString());
    return response;
  }

  /** The {@code InsertStatusValue} action: {@code InsertStatusValueResponse} with {@code NewOptionValue}. */
  public ObjectNode insertStatusValue(JsonNode body, String solution, String serviceRoot) {
    int value = customizer.insertStatusValue(body, solution);
    return response(serviceRoot, "InsertStatusValueResponse").put("NewOptionValue", value);
  }

  /** The {@code InsertOptionValue} action: {@code InsertOptionValueResponse} with {@code NewOptionValue}. */
  public ObjectNode insertOptionValue(JsonNode body, String solution, String serviceRoot) {
    int value = customizer.insertOptionValue(body, solution);
    return response(serviceRoot, "InsertOptionValueResponse").put("NewOptionValue", value);
  }

  /**
   * The {@code UpdateOptionValue} action: relabels an option of a table's local choice or a status reason
   * ({@code statuscode}). It returns nothing (204).
   */
  public void updateOptionValue(JsonNode body, String solution) {
    customizer.updateOptionValue(body, solution);
  }

  /**
   * A table's schema name: the one it was created with through this API, the documented one of a standard table, or
   * else its logical name.
   */
  public String schemaName(String logicalName) {
    return customizations.schemaName(logicalName);
  }

  private Optional<ObjectNode> answer(
      DefinitionResource resource, Map<String, List<String>> queryParameters, String serviceRoot) {
    MetadataQuery query = MetadataQuery.of(queryParameters, resource.declared());
    String context = serviceRoot + "/$metadata#";
    if (resource instanceof DefinitionResource.Many many) {
      ObjectNode body = Json.object();
      body.put("@odata.context", context + many.path() + query.selection());
      ArrayNode value = body.putArray("value");
      query.matching(many.items()).forEach(item -> value.add(query.render(item, many.declared())));
      return Optional.of(body);
    }
    DefinitionResource.One one = (DefinitionResource.One) resource;
    if (query.hasFilter()) {
      throw MetadataErrors.badRequest("The query parameter '$filter' is not supported for a single record.");
    }
    if (one.item() == null) {
      return Optional.empty();
    }
    ObjectNode body = Json.object();
    body.put("@odata.context", context + one.collectionPath() + query.selection() + "/$entity");
    body.setAll(query.render(one.item(), one.declared()));
    return Optional.of(body);
  }

  private static ObjectNode response(String serviceRoot, String type) {
    ObjectNode response = Json.object();
    response.put("@odata.context", serviceRoot + "/$metadata#Microsoft.Dynamics.CRM." + type);
    return response;
  }

  private MetadataModel model() {
    return new MetadataModel(catalog.tables(), customizations);
  }
}
