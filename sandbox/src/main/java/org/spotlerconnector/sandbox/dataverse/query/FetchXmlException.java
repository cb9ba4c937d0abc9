package org.spotlerconnector.sandbox.dataverse.query;

/**
 * A FetchXML query the Web API refuses with {@code 400 Bad Request}: malformed XML, a document the FetchXML schema
 * does not allow, a name that is not in the table, a value of the wrong type, or a feature the emulator does not
 * support (the message says so). The texts follow the platform's where public error reports quote them.
 */
public final class FetchXmlException extends RuntimeException {
  /** The platform's code for an invalid argument, which it uses for FetchXML it cannot read. */
  public static final String INVALID_ARGUMENT = "0x80040203";
  /** QueryBuilderNoAttribute: the query names a column the table does not have. */
  public static final String NO_ATTRIBUTE = "0x80041103";

  private static final long serialVersionUID = 1L;

  private final String code;

  FetchXmlException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }

  static FetchXmlException invalid(String message) {
    return new FetchXmlException(INVALID_ARGUMENT, message);
  }

  static FetchXmlException unsupported(String feature) {
    return new FetchXmlException(
        INVALID_ARGUMENT, "The sandbox's FetchXML does not support " + feature + "; see the sandbox section of the"
            + " README for what it supports.");
  }

  /** The platform's text: {@code 'contact' entity doesn't contain attribute with Name = 'x' and NameMapping = …}. */
  static FetchXmlException noAttribute(String table, String attribute) {
    return new FetchXmlException(
        NO_ATTRIBUTE,
        "'" + table + "' entity doesn't contain attribute with Name = '" + attribute
            + "' and NameMapping = 'Logical'.");
  }
}
