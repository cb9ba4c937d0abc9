package org.spotlerconnector.sandbox.dataverse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.sandbox.dataverse.query.ColumnKind;

/**
 * One column of a table: its logical name, kind, limits and, for choices, booleans and lookups, their options and
 * targets. A lookup column {@code x} appears in the Web API as the read-only property {@code _x_value} and is written
 * through its navigation properties ({@code x_account@odata.bind}).
 *
 * @param maxLength the maximum number of characters of a string or memo column; null for other kinds
 * @param options option value → label for choices, in display order; for booleans {@code 1} → true label,
 *     {@code 0} → false label
 * @param targets the tables a lookup may point to; empty for other kinds
 * @param writable false for columns the server maintains: writes to them are ignored, as Dataverse ignores values for
 *     columns that are not valid for create or update
 * @param updatable false for columns that are valid for create only (IsValidForUpdate false), such as a marketing
 *     list's member type: an update's value for them is ignored
 * @param computed how the server derives the value, or null
 */
public record ColumnDefinition(
    String logicalName,
    ColumnKind kind,
    Integer maxLength,
    Map<Integer, String> options,
    List<LookupTarget> targets,
    boolean writable,
    boolean updatable,
    ComputedValue computed) {

  public ColumnDefinition {
    Objects.requireNonNull(logicalName, "logicalName");
    Objects.requireNonNull(kind, "kind");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    targets = List.copyOf(targets);
    if (kind == ColumnKind.LOOKUP && targets.isEmpty()) {
      throw new IllegalArgumentException("lookup column " + logicalName + " needs at least one target");
    }
  }

  public static ColumnDefinition string(String logicalName, int maxLength) {
    return of(logicalName, ColumnKind.STRING, maxLength);
  }

  public static ColumnDefinition memo(String logicalName, int maxLength) {
    return of(logicalName, ColumnKind.MEMO, maxLength);
  }

  public static ColumnDefinition guid(String logicalName) {
    return of(logicalName, ColumnKind.GUID, null);
  }

  public static ColumnDefinition integer(String logicalName) {
    return of(logicalName, ColumnKind.INTEGER, null);
  }

  public static ColumnDefinition bigint(String logicalName) {
    return of(logicalName, ColumnKind.BIGINT, null);
  }

  public static ColumnDefinition decimal(String logicalName) {
    return of(logicalName, ColumnKind.DECIMAL, null);
  }

  public static ColumnDefinition floatingPoint(String logicalName) {
    return of(logicalName, ColumnKind.DOUBLE, null);
  }

  public static ColumnDefinition money(String logicalName) {
    return of(logicalName, ColumnKind.MONEY, null);
  }

  public static ColumnDefinition dateTime(String logicalName) {
    return of(logicalName, ColumnKind.DATETIME, null);
  }

  public static ColumnDefinition dateOnly(String logicalName) {
    return of(logicalName, ColumnKind.DATEONLY, null);
  }

  public static ColumnDefinition bool(String logicalName, String trueLabel, String falseLabel) {
    Map<Integer, String> labels = new LinkedHashMap<>();
    labels.put(0, falseLabel);
    labels.put(1, trueLabel);
    return new ColumnDefinition(logicalName, ColumnKind.BOOLEAN, null, labels, List.of(), true, true, null);
  }

  public static ColumnDefinition choice(String logicalName, Map<Integer, String> options) {
    return new ColumnDefinition(logicalName, ColumnKind.CHOICE, null, options, List.of(), true, true, null);
  }

  public static ColumnDefinition multiChoice(String logicalName, Map<Integer, String> options) {
    return new ColumnDefinition(logicalName, ColumnKind.MULTICHOICE, null, options, List.of(), true, true, null);
  }

  public static ColumnDefinition lookup(String logicalName, LookupTarget... targets) {
    return new ColumnDefinition(logicalName, ColumnKind.LOOKUP, null, Map.of(), List.of(targets), true, true, null);
  }

  private static ColumnDefinition of(String logicalName, ColumnKind kind, Integer maxLength) {
    return new ColumnDefinition(logicalName, kind, maxLength, Map.of(), List.of(), true, true, null);
  }

  /** The same column, maintained by the server: client values are ignored. */
  public ColumnDefinition readOnly() {
    return new ColumnDefinition(logicalName, kind, maxLength, options, targets, false, false, computed);
  }

  /** The same column, set when a row is created and never changed after: update values are ignored. */
  public ColumnDefinition createOnly() {
    return new ColumnDefinition(logicalName, kind, maxLength, options, targets, writable, false, computed);
  }

  /** The same column, read-only and derived from the row by the server on every write. */
  public ColumnDefinition computedBy(ComputedValue computation) {
    return new ColumnDefinition(logicalName, kind, maxLength, options, targets, false, false, computation);
  }

  /** The Web API property name: {@code _x_value} for a lookup {@code x}, the logical name otherwise. */
  public String propertyName() {
    return isLookup() ? lookupValueProperty(logicalName) : logicalName;
  }

  public boolean isLookup() {
    return kind == ColumnKind.LOOKUP;
  }

  /** The lookup target reached through a navigation property, if this lookup has one by that name. */
  public Optional<LookupTarget> target(String navigationProperty) {
    return targets.stream().filter(t -> t.navigationProperty().equals(navigationProperty)).findFirst();
  }

  /** The lookup target that points at a table. */
  public Optional<LookupTarget> targetTable(String table) {
    return targets.stream().filter(t -> t.table().equals(table)).findFirst();
  }

  static String lookupValueProperty(String lookupLogicalName) {
    return "_" + lookupLogicalName + "_value";
  }
}
