package org.spotlerconnector.sandbox.mailplus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A contact as the emulator holds it, for tests that run the emulator in-process. Property values are {@link String}
 * (text, email, dates), {@link Long} (int), {@link BigDecimal} (money) or, for set-type properties such as
 * {@code permissions}, the {@code Set<Long>} of enabled bits. Only properties with data are present.
 * {@code externalId} is null for a contact that signed up without one and was not linked yet.
 */
public record MailPlusContact(
    String externalId,
    String encryptedId,
    Instant created,
    Instant lastChanged,
    boolean testGroup,
    boolean temporary,
    Map<String, Object> properties) {

  public MailPlusContact {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The enabled bits of a set-type property (empty when it has no data). */
  @SuppressWarnings("unchecked")
  public Set<Long> enabledBits(String setProperty) {
    Object value = properties.get(setProperty);
    return value instanceof Set<?> bits ? (Set<Long>) bits : Set.of();
  }

  static MailPlusContact of(StoredContact stored, AccountProperties account) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (PropertyDefinition definition : account.all()) {
      Object value = stored.properties().get(definition.name());
      if (value instanceof SetValue set) {
        properties.put(definition.name(), enabledBits(definition, set));
      } else if (value != null) {
        properties.put(definition.name(), value);
      }
    }
    return new MailPlusContact(
        stored.externalId(),
        stored.encryptedId(),
        Instant.ofEpochMilli(stored.createdMillis()),
        Instant.ofEpochMilli(stored.lastChangedMillis()),
        stored.testGroup(),
        stored.temporary(),
        properties);
  }

  private static Set<Long> enabledBits(PropertyDefinition definition, SetValue set) {
    Set<Long> bits = new TreeSet<>();
    definition.entries().stream()
        .mapToLong(SetPropertyEntry::bit)
        .filter(bit -> (set.enabledBits() & bit) != 0)
        .forEach(bits::add);
    return Collections.unmodifiableSet(bits);
  }
}
