package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.SystemTables.ASYNC_OPERATION;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.PUBLISHER;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.ROLE;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.SDK_MESSAGE;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.SDK_MESSAGE_FILTER;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.SERVICE_ENDPOINT;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.SOLUTION;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.STEP;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.VARIABLE_DEFINITION;
import static org.spotlerconnector.sandbox.dataverse.SystemTables.VARIABLE_VALUE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules of the {@link SystemTables}: unique names (a publisher's or solution's {@code uniquename}, an environment
 * variable's {@code schemaname}, one value per variable), required references, a publisher's customization prefix
 * (2 to 8 letters or digits, starting with a letter, not {@code mscrm}) and option value prefix (10000–99999), a
 * webhook's URL and authentication, a step's message, filter and mode; and the messages that tables the platform
 * maintains refuse, and that a list member refuses (it takes only Create, Delete and RetrieveMultiple,
 * dataverse-api.md §4.2). The rules are those the reference pages state; the error texts are the emulator's own where
 * the platform's are not on record.
 */
final class SystemTableRules implements RowRules {
  private static final Pattern CUSTOMIZATION_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,7}");
  private static final int POST_OPERATION = 40;
  /** The message of a single-row read, which some tables do not take either. */
  static final String RETRIEVE = "Retrieve";
  private static final Map<String, Set<String>> REFUSED_MESSAGES =
      Map.of(
          MarketingListTables.LIST_MEMBER, Set.of(RETRIEVE, RowChange.UPDATE),
          SDK_MESSAGE, Set.of(RowChange.CREATE, RowChange.UPDATE, RowChange.DELETE),
          SDK_MESSAGE_FILTER, Set.of(RowChange.CREATE, RowChange.UPDATE, RowChange.DELETE),
          ASYNC_OPERATION, Set.of(RowChange.CREATE),
          SystemTables.PRIVILEGE, Set.of(RowChange.CREATE, RowChange.UPDATE, RowChange.DELETE),
          SystemTables.ROLE_PRIVILEGE, Set.of(RowChange.CREATE, RowChange.UPDATE, RowChange.DELETE));

  private final DataverseStore store;
  private final UUID rootBusinessUnit;

  SystemTableRules(DataverseStore store, UUID rootBusinessUnit) {
    this.store = store;
    this.rootBusinessUnit = rootBusinessUnit;
  }

  /** Refuses a Web API message that the platform keeps to itself for a table, e.g. creating an sdkmessage. */
  static void requireMessageAllowed(String message, TableDefinition table) {
    if (REFUSED_MESSAGES.getOrDefault(table.logicalName(), Set.of()).contains(message)) {
      throw DataverseException.messageNotSupported(message, table);
    }
  }

  @Override
  public void beforeWrite(TableStore table, UUID id, ObjectNode values, Row existing) {
    switch (table.definition().logicalName()) {
      case PUBLISHER -> publisher(table, id, values);
      case SOLUTION -> {
        require(table, values, "uniquename", "friendlyname", "version", lookup("publisherid"));
        unique(table, id, values, "uniquename");
      }
      case VARIABLE_DEFINITION -> {
        require(table, values, "schemaname");
        unique(table, id, values, "schemaname");
      }
      case VARIABLE_VALUE -> {
        String definition = lookup("environmentvariabledefinitionid");
        require(table, values, definition);
        unique(table, id, values, definition);
      }
      case ROLE -> role(table, values);
      case SERVICE_ENDPOINT -> serviceEndpoint(table, values);
      case STEP -> step(table, values);
      default -> {
        // other tables have no rules beyond their columns and keys
      }
    }
  }

  private static void publisher(TableStore table, UUID id, ObjectNode values) {
    require(table, values, "uniquename", "friendlyname", "customizationprefix", "customizationoptionvalueprefix");
    String prefix = values.get("customizationprefix").asText();
    if (!CUSTOMIZATION_PREFIX.matcher(prefix).matches() || prefix.toLowerCase(Locale.ROOT).startsWith("mscrm")) {
      throw DataverseException.invalidArgument(
          "The customization prefix '" + prefix + "' is not valid: it must be 2 to 8 letters or digits, start with a"
              + " letter and not start with 'mscrm'.");
    }
    int optionPrefix = values.get("customizationoptionvalueprefix").asInt();
    if (optionPrefix < 10_000 || optionPrefix > 99_999) {
      throw DataverseException.invalidArgument(
          "The customization option value prefix " + optionPrefix + " is not valid: it must be between 10000 and"
              + " 99999.");
    }
    unique(table, id, values, "uniquename");
  }

  /** A role belongs to a business unit; the emulator puts one created without it in the root business unit. */
  private void role(TableStore table, ObjectNode values) {
    require(table, values, "name");
    String businessUnit = lookup("businessunitid");
    if (!values.hasNonNull(businessUnit)) {
      values.put(businessUnit, rootBusinessUnit.toString());
      values.put(Row.lookupTableKey(businessUnit), SystemTables.BUSINESS_UNIT);
    }
  }

  private static void serviceEndpoint(TableStore table, ObjectNode values) {
    require(table, values, "name", "contract");
    if (values.get("contract").asInt() != SystemTables.WEBHOOK_CONTRACT) {
      return;
    }
    require(table, values, "url", "authtype");
    String url = values.get("url").asText();
    try {
      URI uri = URI.create(url);
      if (!uri.isAbsolute() || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("not an absolute http or https URL");
      }
      WebhookAuthentication.parse(values.get("authtype").asInt(), values.path("authvalue").asText(null));
    } catch (IllegalArgumentException e) {
      throw DataverseException.invalidArgument("The webhook service endpoint is not valid: " + e.getMessage() + ".");
    }
  }

  private void step(TableStore table, ObjectNode values) {
    require(table, values, "name", "stage", lookup("sdkmessageid"), lookup("eventhandler"));
    int mode = values.path("mode").asInt(0);
    if (mode == SystemTables.ASYNCHRONOUS && values.get("stage").asInt() != POST_OPERATION) {
      throw DataverseException.invalidArgument(
          "An asynchronous step must be registered in the post-operation stage (40).");
    }
    String message = values.get(lookup("sdkmessageid")).asText();
    JsonNode filterId = values.get(lookup("sdkmessagefilterid"));
    if (filterId != null) {
      String filterMessage =
          store.byLogicalName(SDK_MESSAGE_FILTER)
              .map(filters -> filters.get(UUID.fromString(filterId.asText())))
              .map(filter -> filter.values().path(lookup("sdkmessageid")).asText(null))
              .orElse(null);
      if (!message.equals(filterMessage)) {
        throw DataverseException.invalidArgument(
            "The SDK message filter " + filterId.asText() + " does not belong to the step's SDK message.");
      }
    }
  }

  private static void require(TableStore table, ObjectNode values, String... properties) {
    for (String property : properties) {
      if (!values.hasNonNull(property)) {
        throw DataverseException.invalidArgument(
            "The '" + columnOf(property) + "' column is required for a " + table.definition().logicalName() + ".");
      }
    }
  }

  /** Refuses a second row with the same value (strings compared ignoring case, as SQL Server does). */
  private static void unique(TableStore table, UUID id, ObjectNode values, String property) {
    String value = values.get(property).asText();
    for (Row row : table.rows()) {
      if (!row.id().equals(id) && value.equalsIgnoreCase(row.values().path(property).asText(null))) {
        throw DataverseException.duplicateValue(table.definition(), columnOf(property), value);
      }
    }
  }

  private static String lookup(String column) {
    return ColumnDefinition.lookupValueProperty(column);
  }

  /** The column a property belongs to: {@code x} for the lookup property {@code _x_value}. */
  private static String columnOf(String property) {
    return property.startsWith("_") && property.endsWith("_value")
        ? property.substring(1, property.length() - "_value".length())
        : property;
  }
}
