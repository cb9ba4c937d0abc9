package org.spotlerconnector.sandbox.mailplus;

/** What a request does to one property of a contact. */
sealed interface PropertyChange {

  /** The property loses its value (JSON null or an empty string). */
  record Clear() implements PropertyChange {}

  /** The property gets this stored value. */
  record Assign(Object value) implements PropertyChange {}

  /** Set-type property: the {@code mentioned} bits take the state they have in {@code enabled}; others stay. */
  record SetBits(long mentioned, long enabled) implements PropertyChange {
    long applyTo(long current) {
      return (current & ~mentioned) | enabled;
    }
  }
}
