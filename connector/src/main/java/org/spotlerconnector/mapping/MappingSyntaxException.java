package org.spotlerconnector.mapping;

/**
 * A mapping value (column expression, direction or filter) that cannot be read. The message says what is wrong and how
 * to write it instead; it never repeats more of the input than the offending text itself.
 */
public class MappingSyntaxException extends IllegalArgumentException {
  public MappingSyntaxException(String message) {
    super(message);
  }
}
