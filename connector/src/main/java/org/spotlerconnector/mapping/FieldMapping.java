package org.spotlerconnector.mapping;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.merge.ConflictRule;

/**
 * One mapping row, as in the incumbent's mapping sheet: a Spotler contact field and, per Dataverse table, what fills it
 * (or what it fills), the direction, and an optional filter. A row without a column for a table does not apply to that
 * table. Only a two-way row ({@code <->}) may name a conflict rule.
 *
 * @param spotlerField the Spotler property's database name (not its display name), e.g. {@code firstName}
 * @param entityColumn the column of the custom membership entity; parsed now, used by a later sync
 * @param conflict how a two-way row resolves both sides changing the field; empty when not written (see {@link
 *     #conflictRule()})
 * @param filter when present, records of the row's tables are synced only when the filter matches
 * @param location where the row was written, for problem messages
 */
public record FieldMapping(
    String spotlerField,
    Optional<ColumnExpression> contactColumn,
    Optional<ColumnExpression> leadColumn,
    Optional<ColumnExpression> accountColumn,
    Optional<ColumnExpression> entityColumn,
    Direction direction,
    Optional<ConflictRule> conflict,
    Optional<RowFilter> filter,
    SourceLocation location) {

  /** Why a conflict rule on a row that is not two-way is refused. */
  public static final String CONFLICT_NEEDS_BOTH_WAYS =
      "a conflict rule applies to two-way rows only; set direction: <-> or leave conflict out";

  public FieldMapping {
    Objects.requireNonNull(spotlerField, "spotlerField");
    Objects.requireNonNull(contactColumn, "contactColumn");
    Objects.requireNonNull(leadColumn, "leadColumn");
    Objects.requireNonNull(accountColumn, "accountColumn");
    Objects.requireNonNull(entityColumn, "entityColumn");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(location, "location");
    if (conflict.isPresent() && direction != Direction.BOTH) {
      throw new IllegalArgumentException(CONFLICT_NEEDS_BOTH_WAYS);
    }
  }

  /** How a conflict on this row's field is resolved: the written rule, or the default (Dynamics 365 wins). */
  public ConflictRule conflictRule() {
    return conflict.orElse(ConflictRule.DEFAULT);
  }

  public static Builder builder(String spotlerField) {
    return new Builder(spotlerField);
  }

  public Optional<ColumnExpression> column(SourceTable table) {
    return switch (table) {
      case CONTACT -> contactColumn;
      case LEAD -> leadColumn;
      case ACCOUNT -> accountColumn;
    };
  }

  /** The tables this row has a column for. */
  public Set<SourceTable> tables() {
    Set<SourceTable> tables = EnumSet.noneOf(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      column(table).ifPresent(column -> tables.add(table));
    }
    return tables;
  }

  /** Builds rows from written values, mainly for code and tests; each setter parses and may throw. */
  public static final class Builder {
    private final String spotlerField;
    private ColumnExpression contact;
    private ColumnExpression lead;
    private ColumnExpression account;
    private ColumnExpression entity;
    private Direction direction = Direction.DEFAULT;
    private ConflictRule conflict;
    private RowFilter filter;
    private SourceLocation location = SourceLocation.startOf("(code)");

    private Builder(String spotlerField) {
      this.spotlerField = spotlerField;
    }

    public Builder contact(String expression) {
      contact = ColumnExpression.parse(expression);
      return this;
    }

    public Builder lead(String expression) {
      lead = ColumnExpression.parse(expression);
      return this;
    }

    public Builder account(String expression) {
      account = ColumnExpression.parse(expression);
      return this;
    }

    /** The same expression for contact, lead and account. */
    public Builder allTables(String expression) {
      return contact(expression).lead(expression).account(expression);
    }

    public Builder entity(String expression) {
      entity = ColumnExpression.parse(expression);
      return this;
    }

    public Builder direction(String symbol) {
      direction = Direction.parse(symbol);
      return this;
    }

    /** One of {@code dynamics}, {@code spotler}, {@code newest}, {@code non-blank}; the row must be two-way. */
    public Builder conflict(String rule) {
      conflict = ConflictRule.parse(rule);
      return this;
    }

    public Builder filter(String columnEqualsValue) {
      filter = RowFilter.parse(columnEqualsValue);
      return this;
    }

    public Builder location(SourceLocation location) {
      this.location = location;
      return this;
    }

    public FieldMapping build() {
      return new FieldMapping(
          spotlerField,
          Optional.ofNullable(contact),
          Optional.ofNullable(lead),
          Optional.ofNullable(account),
          Optional.ofNullable(entity),
          direction,
          Optional.ofNullable(conflict),
          Optional.ofNullable(filter),
          location);
    }
  }
}
