package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.spotlerconnector.sandbox.dataverse.metadata.TableCatalog;

/** The environment's tables as the metadata Web API reads and changes them, with solutions and their publishers. */
final class StoreCatalog implements TableCatalog {
  private final DataverseStore store;
  private final Consumer<TableDefinition> define;

  /** @param define adds or redefines a table with everything that comes with it (such as its SDK message filters) */
  StoreCatalog(DataverseStore store, Consumer<TableDefinition> define) {
    this.store = store;
    this.define = define;
  }

  @Override
  public List<TableDefinition> tables() {
    return store.read(store::definitions);
  }

  @Override
  public long rowCount(String logicalName) {
    return store.read(() -> store.byLogicalName(logicalName).map(TableStore::size).orElse(0));
  }

  @Override
  public void define(TableDefinition table) {
    define.accept(table);
  }

  @Override
  public <T> T exclusively(Supplier<T> work) {
    return store.transaction(work);
  }

  @Override
  public Optional<Publisher> publisherOfSolution(String solutionUniqueName) {
    return store.read(
        () -> {
          Optional<JsonNode> publisherId =
              rows(SystemTables.SOLUTION).stream()
                  .filter(s -> solutionUniqueName.equalsIgnoreCase(s.values().path("uniquename").asText(null)))
                  .map(s -> s.values().get(ColumnDefinition.lookupValueProperty("publisherid")))
                  .findFirst();
          return publisherId
              .flatMap(id -> store.byLogicalName(SystemTables.PUBLISHER).map(t -> t.get(UUID.fromString(id.asText()))))
              .map(p -> new Publisher(
                  p.values().path("customizationprefix").asText(),
                  p.values().path("customizationoptionvalueprefix").asInt()));
        });
  }

  @Override
  public boolean hasDuplicates(String logicalName, List<String> columns) {
    return store.read(
        () -> {
          TableStore table = store.byLogicalName(logicalName).orElseThrow();
          Set<List<String>> seen = new HashSet<>();
          for (Row row : table.rows()) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
              JsonNode value =
                  row.values().get(table.definition().columnNamed(column).orElseThrow().propertyName());
              if (value == null || value.isNull()) {
                break;
              }
              values.add(value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : value.asText());
            }
            if (values.size() == columns.size() && !seen.add(values)) {
              return true;
            }
          }
          return false;
        });
  }

  private List<Row> rows(String logicalName) {
    return store.byLogicalName(logicalName).map(t -> List.copyOf(t.rows())).orElse(List.of());
  }
}
