package org.spotlerconnector.sandbox.dataverse.query;

/**
 * The three-valued logic of SQL, which Dataverse queries run on: a comparison with a null column value is neither
 * true nor false, and a row is returned only when its filter is {@link #TRUE}.
 */
enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  static Truth of(boolean value) {
    return value ? TRUE : FALSE;
  }

  Truth not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
