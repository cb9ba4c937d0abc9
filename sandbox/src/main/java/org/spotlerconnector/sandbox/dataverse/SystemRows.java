package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The rows every environment has from the start and gets back after a reset: the root business unit, the default
 * publisher ({@code new} prefix, option value prefix 10000) with the {@code Default} solution, the SDK messages a
 * webhook step can be registered for, one SDK message filter per table and message, and the privileges of every table
 * ({@code prv<Right><SchemaName>}, e.g. {@code prvCreatespm_SpotlerJob}: Create, Read, Write, Delete, Append, AppendTo,
 * and Assign and Share for user-owned tables). The users table names its privileges {@code prvReadUser}… (privileges
 * by entity, "SystemUser (user) entity privileges"; the AddPrivilegesRole message privileges list prvReadUser). Ids
 * are derived from names, so a registrant that looked them up once finds the same ids in every emulator instance, as
 * in one real environment.
 */
final class SystemRows {
  static final String ORGANIZATION_NAME = "sandbox";
  static final UUID ROOT_BUSINESS_UNIT = UUID.fromString("6f1a3bd6-4b8e-4a0c-9d0e-2a5b1c9e7d01");
  /** The messages with filters; Create, Update and Delete steps send webhooks. */
  static final List<String> MESSAGES =
      List.of(
          RowChange.CREATE, RowChange.UPDATE, RowChange.DELETE, "CreateMultiple", "UpdateMultiple", "UpsertMultiple");
  private static final UUID DEFAULT_PUBLISHER = named("publisher DefaultPublisher");
  /** Access rights by name (privilege.md, AccessRights): those every table has, then those of user-owned tables. */
  private static final Map<String, Integer> ACCESS_RIGHTS =
      orderedMap("Create", 32, "Read", 1, "Write", 2, "Delete", 65_536, "Append", 4, "AppendTo", 16);
  private static final Map<String, Integer> OWNER_ACCESS_RIGHTS = orderedMap("Assign", 524_288, "Share", 262_144);
  private static final UUID DEFAULT_SOLUTION = named("solution Default");
  private static final Map<String, String> PRIVILEGE_NAMES = Map.of("systemuser", "User");

  private final DataverseStore store;
  private final Records records;
  private final UUID systemUser;
  private final UnaryOperator<String> schemaNames;

  /** @param schemaNames a table's schema name by its logical name */
  SystemRows(DataverseStore store, Records records, UUID systemUser, UnaryOperator<String> schemaNames) {
    this.store = store;
    this.records = records;
    this.systemUser = systemUser;
    this.schemaNames = schemaNames;
  }

  static UUID messageId(String message) {
    return named("sdkmessage " + message);
  }

  static UUID filterId(String message, String table) {
    return named("sdkmessagefilter " + message + " " + table);
  }

  static UUID privilegeId(String name) {
    return named("privilege " + name.toLowerCase(Locale.ROOT));
  }

  /** Adds the rows that are missing; tables without their system table are skipped. */
  void seed() {
    store.transaction(
        () -> {
          ObjectNode unit = Json.object().put("name", ORGANIZATION_NAME);
          insert(SystemTables.BUSINESS_UNIT, ROOT_BUSINESS_UNIT, unit);
          insert(SystemTables.PUBLISHER, DEFAULT_PUBLISHER,
              Json.object()
                  .put("uniquename", "DefaultPublisher" + ORGANIZATION_NAME)
                  .put("friendlyname", "Default Publisher for " + ORGANIZATION_NAME)
                  .put("customizationprefix", "new")
                  .put("customizationoptionvalueprefix", 10_000));
          insert(SystemTables.SOLUTION, DEFAULT_SOLUTION,
              Json.object()
                  .put("uniquename", "Default")
                  .put("friendlyname", "Default Solution")
                  .put("version", "1.0")
                  .put("_publisherid_value", DEFAULT_PUBLISHER.toString()));
          for (String message : MESSAGES) {
            insert(SystemTables.SDK_MESSAGE, messageId(message),
                Json.object().put("name", message));
          }
          store.definitions().forEach(this::insertTableRows);
          return null;
        });
  }

  /** Adds the filters and privileges of a table added after the start. */
  void addTableRows(TableDefinition table) {
    store.transaction(
        () -> {
          insertTableRows(table);
          return null;
        });
  }

  private void insertTableRows(TableDefinition table) {
    insertFilters(table);
    Map<String, Integer> rights = new LinkedHashMap<>(ACCESS_RIGHTS);
    if (table.columnNamed(TableDefinition.OWNER).isPresent()) {
      rights.putAll(OWNER_ACCESS_RIGHTS);
    }
    String privilegeTable =
        PRIVILEGE_NAMES.getOrDefault(table.logicalName(), schemaNames.apply(table.logicalName()));
    rights.forEach(
        (right, flag) -> {
          String name = "prv" + right + privilegeTable;
          insert(SystemTables.PRIVILEGE, privilegeId(name),
              Json.object()
                  .put("name", name)
                  .put("accessright", flag)
                  .put("canbebasic", true)
                  .put("canbelocal", true)
                  .put("canbedeep", true)
                  .put("canbeglobal", true));
        });
  }

  private void insertFilters(TableDefinition table) {
    for (String message : MESSAGES) {
      insert(SystemTables.SDK_MESSAGE_FILTER, filterId(message, table.logicalName()),
          Json.object()
              .put("name", message + " of " + table.logicalName())
              .put("_sdkmessageid_value", messageId(message).toString())
              .put("primaryobjecttypecode", table.logicalName())
              .put("secondaryobjecttypecode", "none")
              .put("iscustomprocessingstepallowed", true)
              .put("isvisible", true));
    }
  }

  private void insert(String logicalName, UUID id, ObjectNode row) {
    store.byLogicalName(logicalName).ifPresent(
        table -> {
          if (table.get(id) == null) {
            records.create(table, id, PayloadReader.readStoredForm(table.definition(), row), systemUser);
          }
        });
  }

  private static Map<String, Integer> orderedMap(Object... namesAndValues) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], (Integer) namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static UUID named(String name) {
    return UUID.nameUUIDFromBytes(("dataverse system row " + name).getBytes(StandardCharsets.UTF_8));
  }
}
