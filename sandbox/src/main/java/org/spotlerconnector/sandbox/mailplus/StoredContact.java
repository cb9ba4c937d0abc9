package org.spotlerconnector.sandbox.mailplus;

import java.util.Map;

/**
 * One contact as the emulator keeps it: compact and immutable. {@code properties} holds only properties with data,
 * keyed by the definition's name; values are {@link String}, {@link Long}, {@link java.math.BigDecimal} or
 * {@link SetValue}. {@code changeSeq} orders contacts changed in the same millisecond. {@code externalId} is null for
 * a contact that signed up without one; {@code encryptedId} identifies every contact.
 */
record StoredContact(
    String externalId,
    String encryptedId,
    long createdMillis,
    long lastChangedMillis,
    long changeSeq,
    boolean testGroup,
    boolean temporary,
    Map<String, Object> properties) {

  StoredContact {
    properties = Map.copyOf(properties);
  }

  StoredContact withChangeSeq(long seq) {
    return new StoredContact(
        externalId, encryptedId, createdMillis, lastChangedMillis, seq, testGroup, temporary, properties);
  }

  StoredContact withProperties(Map<String, Object> newProperties) {
    return new StoredContact(
        externalId, encryptedId, createdMillis, lastChangedMillis, changeSeq, testGroup, temporary, newProperties);
  }
}
