package org.spotlerconnector.install;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A column the connector adds to one of its tables. The schema name carries the publisher prefix
 * ({@code spot_AutomationFields}); Dataverse derives the logical name by lower-casing it.
 */
public sealed interface Column {
  String schemaName();

  String displayName();

  default String logicalName() {
    return schemaName().toLowerCase(Locale.ROOT);
  }

  /** Single line of text. */
  record Text(String schemaName, String displayName, int maxLength, String format) implements Column {
    public Text {
      requireNames(schemaName, displayName);
    }
  }

  /** Multiple lines of text. */
  record Memo(String schemaName, String displayName, int maxLength) implements Column {
    public Memo {
      requireNames(schemaName, displayName);
    }
  }

  record WholeNumber(String schemaName, String displayName) implements Column {
    public WholeNumber {
      requireNames(schemaName, displayName);
    }
  }

  record YesNo(String schemaName, String displayName) implements Column {
    public YesNo {
      requireNames(schemaName, displayName);
    }
  }

  /** Date and time, shown in the user's time zone ({@code DateTimeBehavior} UserLocal). */
  record DateAndTime(String schemaName, String displayName) implements Column {
    public DateAndTime {
      requireNames(schemaName, displayName);
    }
  }

  /** A local choice: value to label, in display order. */
  record Choice(String schemaName, String displayName, boolean required, Map<Integer, String> options)
      implements Column {
    public Choice {
      requireNames(schemaName, displayName);
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
  }

  /**
   * A lookup to one table (made by a one-to-many relationship), or a customer lookup when it targets both account and
   * contact (made by {@code CreateCustomerRelationships}).
   *
   * @param relationshipSchemaNames one per target, in target order
   */
  record Lookup(String schemaName, String displayName, List<String> targets, List<String> relationshipSchemaNames)
      implements Column {
    public Lookup {
      requireNames(schemaName, displayName);
      targets = List.copyOf(targets);
      relationshipSchemaNames = List.copyOf(relationshipSchemaNames);
      if (targets.isEmpty() || targets.size() != relationshipSchemaNames.size()) {
        throw new IllegalArgumentException("a lookup needs one relationship per target: " + schemaName);
      }
    }

    /**
     * The single-valued navigation property used to bind the lookup to {@code targets().get(target)}: the logical
     * name, and for a customer lookup the logical name and the target ({@code spot_customer_account}).
     */
    public String navigationProperty(int target) {
      return isCustomer() ? logicalName() + "_" + targets.get(target) : logicalName();
    }

    public boolean isCustomer() {
      return targets.size() == 2 && targets.containsAll(List.of("account", "contact"));
    }
  }

  private static void requireNames(String schemaName, String displayName) {
    Objects.requireNonNull(schemaName, "schemaName");
    Objects.requireNonNull(displayName, "displayName");
  }
}
