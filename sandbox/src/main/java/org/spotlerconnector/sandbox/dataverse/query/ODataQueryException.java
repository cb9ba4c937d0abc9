package org.spotlerconnector.sandbox.dataverse.query;

/**
 * A query option the Web API rejects with {@code 400 Bad Request}; {@link #code()} and {@link #getMessage()} are the
 * {@code error.code} and {@code error.message} of the answer.
 */
public final class ODataQueryException extends RuntimeException {

  /** The code Dataverse puts on errors raised while parsing the query part of a URL. */
  public static final String QUERY_PARSE_ERROR = "0x80060888";

  private static final long serialVersionUID = 1L;

  private final String code;

  public ODataQueryException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** "Could not find a property named 'x' on type 'Microsoft.Dynamics.CRM.contact'." */
  public static ODataQueryException propertyNotFound(String property, QuerySchema schema) {
    return new ODataQueryException(
        QUERY_PARSE_ERROR,
        "Could not find a property named '"
            + property
            + "' on type 'Microsoft.Dynamics.CRM."
            + schema.logicalName()
            + "'.");
  }

  /** An error at a position of a query option's text, in the form the OData URI parser uses. */
  static ODataQueryException at(String problem, int position, String text) {
    return new ODataQueryException(QUERY_PARSE_ERROR, problem + " at position " + position + " in '" + text + "'.");
  }

  static ODataQueryException of(String message) {
    return new ODataQueryException(QUERY_PARSE_ERROR, message);
  }
}
