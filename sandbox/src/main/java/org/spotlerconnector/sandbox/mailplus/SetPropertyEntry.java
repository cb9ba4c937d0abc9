package org.spotlerconnector.sandbox.mailplus;

/** One option of a set-type property, such as a permission: the Swagger model {@code SetPropertyEntry}. */
public record SetPropertyEntry(long bit, String description, int rank) {
  public SetPropertyEntry {
    if (bit <= 0 || Long.bitCount(bit) != 1) {
      throw new IllegalArgumentException("a set entry's bit must be a positive power of two, not " + bit);
    }
    if (description == null) {
      throw new IllegalArgumentException("a set entry needs a description");
    }
  }
}
