package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;

/** What the metadata Web API needs from the environment it describes and changes. */
public interface TableCatalog {

  /** The environment's tables, in the order they were added. */
  List<TableDefinition> tables();

  /** The number of rows of a table, by logical name. */
  long rowCount(String logicalName);

  /** Adds a table, or switches the table with the same logical name to a changed definition keeping its rows. */
  void define(TableDefinition table);

  /** Runs work while no one else reads or writes the environment, so that a check and a change go together. */
  <T> T exclusively(Supplier<T> work);

  /** The publisher of a solution, by the solution's unique name; empty when there is no such solution. */
  Optional<Publisher> publisherOfSolution(String solutionUniqueName);

  /** Whether two rows of a table hold the same values in these columns, so that a key on them cannot be built. */
  boolean hasDuplicates(String logicalName, List<String> columns);

  /**
   * A solution publisher's prefixes: schema names of its components start with {@code <customizationPrefix>_} and
   * the values of its choices with {@code optionValuePrefix}, e.g. 10000 → 100000000.
   */
  record Publisher(String customizationPrefix, int optionValuePrefix) {}

  /** A catalog of fixed tables that cannot be changed, for reading definitions only. */
  static TableCatalog readOnly(Supplier<List<TableDefinition>> tables, ToLongFunction<String> rows) {
    return new TableCatalog() {
      @Override
      public List<TableDefinition> tables() {
        return tables.get();
      }

      @Override
      public long rowCount(String logicalName) {
        return rows.applyAsLong(logicalName);
      }

      @Override
      public void define(TableDefinition table) {
        throw new UnsupportedOperationException("this catalog is read-only");
      }

      @Override
      public <T> T exclusively(Supplier<T> work) {
        return work.get();
      }

      @Override
      public Optional<Publisher> publisherOfSolution(String solutionUniqueName) {
        return Optional.empty();
      }

      @Override
      public boolean hasDuplicates(String logicalName, List<String> columns) {
        return false;
      }
    };
  }
}
