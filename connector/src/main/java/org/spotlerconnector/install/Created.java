package org.spotlerconnector.install;

/**
 * One thing {@code install} created (or, in a dry run, would create).
 *
 * @param kind e.g. {@code table}, {@code column}, {@code status reason}
 * @param name e.g. {@code spot_spotlerjob.spot_operation}
 */
public record Created(String kind, String name) {
  @Override
  public String toString() {
    return kind + " " + name;
  }
}
