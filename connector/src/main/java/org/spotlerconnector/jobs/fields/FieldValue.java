package org.spotlerconnector.jobs.fields;

import java.util.List;
import java.util.Objects;

/**
 * A value to pass with an automation trigger. A {@link FieldType#PRODUCTLIST} carries {@code values} (at least one)
 * and a null {@code value}; the other types carry a non-empty {@code value} and no {@code values}, matching the
 * trigger's {@code value}/{@code values} members (docs/adr/0003).
 */
public record FieldValue(String name, FieldType type, String value, List<String> values) {
  public FieldValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
    if (type.isList() && (value != null || values.isEmpty())) {
      throw new IllegalArgumentException("a product list has values and no single value: " + name);
    }
    if (!type.isList() && (value == null || value.isEmpty() || !values.isEmpty())) {
      throw new IllegalArgumentException("a " + type + " field has one non-empty value: " + name);
    }
  }

  public static FieldValue single(String name, FieldType type, String value) {
    return new FieldValue(name, type, value, List.of());
  }

  public static FieldValue productList(String name, List<String> values) {
    return new FieldValue(name, FieldType.PRODUCTLIST, null, values);
  }
}
