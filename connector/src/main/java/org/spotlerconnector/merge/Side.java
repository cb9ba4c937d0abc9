package org.spotlerconnector.merge;

/** One of the two systems a field's value lives in; also which one won a conflict. */
public enum Side {
  DYNAMICS("dynamics"),
  SPOTLER("spotler");

  private final String storedName;

  Side(String storedName) {
    this.storedName = storedName;
  }

  /** The name a recorded conflict stores as its winner. */
  public String storedName() {
    return storedName;
  }

  @Override
  public String toString() {
    return storedName;
  }
}
