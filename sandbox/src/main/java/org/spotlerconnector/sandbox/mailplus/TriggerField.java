package org.spotlerconnector.sandbox.mailplus;

import java.util.List;
import java.util.Objects;

/**
 * One field as a trigger call sent it, in the shape of the spec's {@code CampaignField}: {@code value} for
 * {@code STRING} and {@code URL}, {@code values} for {@code PRODUCTLIST}; the other one is null. Kept on each run so
 * that a test can assert what arrived.
 */
public record TriggerField(String name, FieldType type, String value, List<String> values) {
  public TriggerField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = values == null ? null : List.copyOf(values);
  }
}
