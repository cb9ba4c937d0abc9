package org.spotlerconnector.mapping;

/** Which way a mapping row's value flows, written as in the incumbent's mapping sheet. */
public enum Direction {
  /** {@code ->}: Dataverse to Spotler only (the default). */
  TO_SPOTLER("->"),
  /** {@code <-}: Spotler to Dataverse only. */
  TO_DATAVERSE("<-"),
  /** {@code <->}: both ways. */
  BOTH("<->");

  public static final Direction DEFAULT = TO_SPOTLER;

  private final String symbol;

  Direction(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether Dataverse values are sent to Spotler. */
  public boolean outbound() {
    return this != TO_DATAVERSE;
  }

  /** Whether Spotler values are written to Dataverse. */
  public boolean inbound() {
    return this != TO_SPOTLER;
  }

  /**
   * @throws MappingSyntaxException when the text is not one of {@code ->}, {@code <-}, {@code <->}
   */
  public static Direction parse(String text) {
    String symbol = text == null ? "" : text.strip();
    for (Direction direction : values()) {
      if (direction.symbol.equals(symbol)) {
        return direction;
      }
    }
    throw new MappingSyntaxException(
        "unknown direction '" + symbol + "'; write -> (to Spotler), <- (to Dataverse) or <-> (both ways)");
  }

  @Override
  public String toString() {
    return symbol;
  }
}
