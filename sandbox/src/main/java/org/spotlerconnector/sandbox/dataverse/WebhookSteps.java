package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the webhook steps registered for a row change (register-web-hook.md, dataverse-api.md §7): every enabled
 * {@code sdkmessageprocessingstep} whose SDK message is the change's (Create, Update or Delete), whose message filter
 * is for the change's table (a step without a filter applies to every table), and, for an Update with
 * {@code filteringattributes}, whose attributes include one the update's target carries. The step's event handler
 * must be a webhook service endpoint (contract 8). Steps run in order of {@code rank}.
 *
 * <p>An asynchronous step (mode 1) is queued once the change commits, so it never delays the call and never fires
 * for a change that was rolled back. A synchronous step (mode 0) is sent at once, inside the transaction and under
 * the store's lock, and its failure fails the change; its error text and code (the generic plug-in error
 * {@code 0x80040265}) are the emulator's own. Every registered stage is sent after the row is written; the context
 * names the step's stage.
 */
final class WebhookSteps implements RowChangeListener {
  static final String PLUGIN_ERROR = "0x80040265";
  private static final Set<String> WEBHOOK_MESSAGES = Set.of(RowChange.CREATE, RowChange.UPDATE, RowChange.DELETE);
  private static final int ENABLED = 0;

  private final DataverseStore store;
  private final WebhookSender sender;
  private final Supplier<String> organizationDomain;

  WebhookSteps(DataverseStore store, WebhookSender sender, Supplier<String> organizationDomain) {
    this.store = store;
    this.sender = sender;
    this.organizationDomain = organizationDomain;
  }

  /** A registered step and the webhook it sends to. */
  private record Registration(Row step, String url, WebhookAuthentication authentication) {}

  @Override
  public void changed(RowChange change) {
    if (!WEBHOOK_MESSAGES.contains(change.message())) {
      return;
    }
    TableStore steps = store.byLogicalName(SystemTables.STEP).orElse(null);
    if (steps == null || steps.size() == 0) {
      return;
    }
    List<Registration> registrations =
        steps.rows().stream()
            .filter(step -> applies(step.values(), change))
            .sorted(Comparator.comparingInt(step -> step.values().path("rank").asInt(0)))
            .map(this::registration)
            .flatMap(Optional::stream)
            .toList();
    registrations.forEach(registration -> run(registration, change));
  }

  private boolean applies(ObjectNode step, RowChange change) {
    if (step.path(TableDefinition.STATE).asInt(ENABLED) != ENABLED
        || !SystemRows.messageId(change.message()).toString().equals(lookup(step, "sdkmessageid"))) {
      return false;
    }
    String filterId = lookup(step, "sdkmessagefilterid");
    if (filterId != null) {
      String table =
          store.byLogicalName(SystemTables.SDK_MESSAGE_FILTER)
              .map(filters -> filters.get(UUID.fromString(filterId)))
              .map(filter -> filter.values().path("primaryobjecttypecode").asText(null))
              .orElse(null);
      if (!change.table().logicalName().equals(table)) {
        return false;
      }
    }
    String filtering = step.path("filteringattributes").asText("");
    if (!change.message().equals(RowChange.UPDATE) || filtering.isBlank()) {
      return true;
    }
    Set<String> attributes =
        Arrays.stream(filtering.split(","))
            .map(a -> a.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return change.target().stream().anyMatch(attributes::contains);
  }

  private Optional<Registration> registration(Row step) {
    String handler = lookup(step.values(), "eventhandler");
    String handlerTable = step.values().path(Row.lookupTableKey(property("eventhandler"))).asText(null);
    if (handler == null || !SystemTables.SERVICE_ENDPOINT.equals(handlerTable)) {
      return Optional.empty();
    }
    return store.byLogicalName(SystemTables.SERVICE_ENDPOINT)
        .map(endpoints -> endpoints.get(UUID.fromString(handler)))
        .map(Row::values)
        .filter(endpoint -> endpoint.path("contract").asInt() == SystemTables.WEBHOOK_CONTRACT)
        .map(endpoint -> new Registration(
            step,
            endpoint.path("url").asText(),
            WebhookAuthentication.parse(endpoint.path("authtype").asInt(), endpoint.path("authvalue").asText(null))));
  }

  private void run(Registration registration, RowChange change) {
    ObjectNode step = registration.step().values();
    int mode = step.path("mode").asInt(0);
    boolean asynchronous = mode == SystemTables.ASYNCHRONOUS;
    UUID operationId = UUID.randomUUID();
    UUID correlationId = UUID.randomUUID();
    RemoteExecutionContext.Run run =
        new RemoteExecutionContext.Run(
            registration.step().id(), step.path("stage").asInt(), mode, operationId, correlationId,
            DataverseApi.ORGANIZATION_ID, SystemRows.ORGANIZATION_NAME, SystemRows.ROOT_BUSINESS_UNIT);
    WebhookCall call =
        new WebhookCall(
            registration.step().id(),
            step.path("name").asText(),
            asynchronous,
            step.path("asyncautodelete").asBoolean(false),
            registration.url(),
            registration.authentication(),
            change,
            RemoteExecutionContext.of(change, run),
            correlationId,
            operationId,
            organizationDomain.get());
    if (asynchronous) {
      store.afterCommit(() -> sender.submit(call));
      return;
    }
    WebhookDelivery delivery = sender.deliver(call);
    if (delivery.status() != WebhookDelivery.Status.DELIVERED) {
      throw new DataverseException(
          400,
          PLUGIN_ERROR,
          "The synchronous webhook step '" + call.stepName() + "' failed: " + delivery.error());
    }
  }

  private static String lookup(ObjectNode row, String column) {
    return row.path(property(column)).asText(null);
  }

  private static String property(String column) {
    return ColumnDefinition.lookupValueProperty(column);
  }
}
