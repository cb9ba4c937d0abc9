package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.spotlerconnector.sandbox.dataverse.DataverseException;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The read side of the metadata Web API over the emulator's tables: {@code EntityDefinitions} with its keys,
 * navigation properties ({@code Attributes}, {@code ManyToOneRelationships}, {@code OneToManyRelationships},
 * {@code ManyToManyRelationships}, {@code Keys}, {@code OptionSet}), type casts and {@code $select}/{@code $filter}/
 * {@code $expand}, plus the {@code RetrieveTotalRecordCount} function. Definitions are built from the tables as they
 * are at each call, so tables added at run time show up at once.
 *
 * <p>Callers authenticate and count the request first, like any other Web API call, and turn the exceptions into
 * error answers: {@link DataverseException} with its status, {@link ODataQueryException} as 400.
 */
public final class MetadataApi {
  private final Supplier<List<TableDefinition>> tables;
  private final ToLongFunction<String> rowCount;

  /**
   * @param tables the environment's tables, in the order they were added
   * @param rowCount the number of rows of a table, by logical name
   */
  public MetadataApi(Supplier<List<TableDefinition>> tables, ToLongFunction<String> rowCount) {
    this.tables = tables;
    this.rowCount = rowCount;
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
    DefinitionResource resource = DefinitionPath.resolve(new MetadataModel(tables.get()), keyText, segments);
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

  /**
   * Answers {@code GET RetrieveTotalRecordCount(EntityNames=…)}.
   *
   * @param parameterText the text between the function's parentheses, or null when there are none
   */
  public ObjectNode retrieveTotalRecordCount(
      String parameterText, Map<String, List<String>> queryParameters, String serviceRoot) {
    return new TotalRecordCount(new MetadataModel(tables.get()), rowCount)
        .call(parameterText, queryParameters, serviceRoot);
  }
}
