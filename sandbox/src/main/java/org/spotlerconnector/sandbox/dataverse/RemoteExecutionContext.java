package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The JSON body of a webhook: a serialized {@code RemoteExecutionContext} (use-webhooks.md, dataverse-api.md §7.2),
 * with the keys of the documented example in its order. Values inside entities take the WCF data contract forms:
 * {@code OptionSetValue}, {@code Money} and {@code EntityReference} objects with their {@code __type}, a multi-select
 * choice as an array of {@code OptionSetValue}, and dates as {@code /Date(<ms>)/}. An Update's target holds only the
 * columns of the request (plus the primary key and what the server changed with them); a Delete's target is an
 * entity reference. Asynchronous steps get the {@code AsynchronousStepPrimaryName} post image, as in the example.
 */
final class RemoteExecutionContext {
  private static final String CONTRACTS = ":http://schemas.microsoft.com/xrm/2011/Contracts";
  private static final UUID NO_OPERATION = new UUID(0, 0);

  /** What the context says about the step and the run, besides the row change. */
  record Run(UUID stepId, int stage, int mode, UUID operationId, UUID correlationId, UUID organizationId,
      String organizationName, UUID businessUnitId) {}

  private RemoteExecutionContext() {}

  static ObjectNode of(RowChange change, Run run) {
    boolean asynchronous = run.mode() == SystemTables.ASYNCHRONOUS;
    ObjectNode context = Json.object();
    context.put("BusinessUnitId", run.businessUnitId().toString());
    context.put("CorrelationId", run.correlationId().toString());
    context.put("Depth", 1);
    context.put("InitiatingUserId", change.userId().toString());
    ArrayNode input = context.putArray("InputParameters");
    input.addObject().put("key", "Target").set("value", target(change));
    context.put("IsExecutingOffline", false);
    context.put("IsInTransaction", !asynchronous);
    context.put("IsOfflinePlayback", false);
    context.put("IsolationMode", 1);
    context.put("MessageName", change.message());
    context.put("Mode", run.mode());
    context.put("OperationCreatedOn", date(change.at()));
    context.put("OperationId", (asynchronous ? run.operationId() : NO_OPERATION).toString());
    context.put("OrganizationId", run.organizationId().toString());
    context.put("OrganizationName", run.organizationName());
    ArrayNode output = context.putArray("OutputParameters");
    if (change.message().equals(RowChange.CREATE)) {
      output.addObject().put("key", "id").put("value", change.id().toString());
    }
    ObjectNode extension = context.putObject("OwningExtension");
    extension.put("Id", run.stepId().toString());
    extension.putArray("KeyAttributes");
    extension.put("LogicalName", SystemTables.STEP);
    extension.putNull("Name");
    extension.putNull("RowVersion");
    context.putNull("ParentContext");
    ArrayNode postImages = context.putArray("PostEntityImages");
    if (asynchronous && !change.message().equals(RowChange.DELETE)) {
      postImages.addObject().put("key", "AsynchronousStepPrimaryName").set("value", primaryNameImage(change));
    }
    context.putArray("PreEntityImages");
    context.put("PrimaryEntityId", change.id().toString());
    context.put("PrimaryEntityName", change.table().logicalName());
    context.putNull("RequestId");
    context.put("SecondaryEntityName", "none");
    context.putArray("SharedVariables");
    context.put("Stage", run.stage());
    context.put("UserId", change.userId().toString());
    return context;
  }

  private static JsonNode target(RowChange change) {
    if (change.message().equals(RowChange.DELETE)) {
      return reference(change.id(), change.table().logicalName());
    }
    ObjectNode entity = Json.object();
    entity.put("__type", "Entity" + CONTRACTS);
    ArrayNode attributes = entity.putArray("Attributes");
    for (ColumnDefinition column : change.table().columns()) {
      if (change.target().contains(column.logicalName())) {
        attributes.addObject().put("key", column.logicalName()).set("value", value(column, change.values()));
      }
    }
    return finishEntity(entity, change);
  }

  private static ObjectNode primaryNameImage(RowChange change) {
    TableDefinition table = change.table();
    ObjectNode image = Json.object();
    ArrayNode attributes = image.putArray("Attributes");
    if (table.primaryNameColumn() != null) {
      table.columnNamed(table.primaryNameColumn()).ifPresent(
          column -> attributes.addObject()
              .put("key", column.logicalName())
              .set("value", value(column, change.values())));
    }
    attributes.addObject().put("key", table.primaryIdColumn()).put("value", change.id().toString());
    return finishEntity(image, change);
  }

  private static ObjectNode finishEntity(ObjectNode entity, RowChange change) {
    entity.putNull("EntityState");
    entity.putArray("FormattedValues");
    entity.put("Id", change.id().toString());
    entity.putArray("KeyAttributes");
    entity.put("LogicalName", change.table().logicalName());
    entity.putArray("RelatedEntities");
    entity.putNull("RowVersion");
    return entity;
  }

  /** One column's stored value in its data contract form; null when the column is empty. */
  private static JsonNode value(ColumnDefinition column, ObjectNode values) {
    JsonNode stored = values.get(column.propertyName());
    if (stored == null || stored.isNull()) {
      return NullNode.instance;
    }
    return switch (column.kind()) {
      case LOOKUP -> reference(
          UUID.fromString(stored.asText()), values.path(Row.lookupTableKey(column.propertyName())).asText(null));
      case CHOICE -> optionSetValue(stored.intValue());
      case MULTICHOICE -> {
        ArrayNode options = Json.array();
        for (String value : stored.asText().split(",")) {
          options.add(optionSetValue(Integer.parseInt(value.trim())));
        }
        yield options;
      }
      case MONEY -> Json.object().put("__type", "Money" + CONTRACTS).set("Value", stored);
      case DATETIME -> TextNode.valueOf(date(Instant.parse(stored.asText())));
      case DATEONLY ->
          TextNode.valueOf(date(LocalDate.parse(stored.asText()).atStartOfDay(ZoneOffset.UTC).toInstant()));
      default -> stored;
    };
  }

  private static ObjectNode optionSetValue(int value) {
    return Json.object().put("__type", "OptionSetValue" + CONTRACTS).put("Value", value);
  }

  private static ObjectNode reference(UUID id, String logicalName) {
    ObjectNode reference = Json.object();
    reference.put("__type", "EntityReference" + CONTRACTS);
    reference.put("Id", id.toString());
    reference.putArray("KeyAttributes");
    reference.put("LogicalName", logicalName);
    reference.putNull("Name");
    reference.putNull("RowVersion");
    return reference;
  }

  /** The WCF JSON date form, {@code /Date(1506384247000)/}. */
  private static String date(Instant instant) {
    return "/Date(" + instant.toEpochMilli() + ")/";
  }
}
