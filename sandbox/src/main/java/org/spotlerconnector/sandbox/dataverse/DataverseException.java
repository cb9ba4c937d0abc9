package org.spotlerconnector.sandbox.dataverse;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A request the emulated Web API refuses, with the HTTP status and the {@code error.code}/{@code error.message} of the
 * Dataverse error JSON (dataverse-api.md §2.2). Also thrown by the Java table methods when a write is invalid.
 *
 * <p>Messages are the documented texts where the reference has them. Codes are the platform's hexadecimal error
 * values; the documentation notes the code "is not related to the http status code and is frequently empty", so
 * clients must not rely on them.
 */
public final class DataverseException extends RuntimeException {
  static final String OBJECT_DOES_NOT_EXIST = "0x80040217";
  static final String DUPLICATE_RECORD = "0x80040237";
  static final String CONCURRENCY_VERSION_MISMATCH = "0x80060882";
  static final String ODATA_QUERY = "0x80060888";
  static final String RESOURCE_NOT_FOUND = "0x8006088a";
  static final String PAYLOAD = "0x80048d19";
  static final String STRING_TOO_LONG = "0x80044331";
  static final String OPTION_OUT_OF_RANGE = "0x8004431a";
  static final String INVALID_STATE_TRANSITION = "0x80043702";
  static final String EXPIRED_VERSION_STAMP = "0x80044352";
  static final String CHANGE_TRACKING = "0x80044351";
  static final String UNEXPECTED = "0x80040216";
  static final String INVALID_ARGUMENT = "0x80040203";
  /** The platform's code for a message a table has no processor for; the value is this emulator's assumption. */
  static final String MESSAGE_NOT_SUPPORTED = "0x80040800";

  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public DataverseException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Extra response headers, such as {@code Retry-After} or {@code WWW-Authenticate}. */
  public Map<String, String> headers() {
    return headers;
  }

  DataverseException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  static DataverseException badRequest(String code, String message) {
    return new DataverseException(400, code, message);
  }

  /** dataverse-api.md §2.2: {@code "account With Id = <id> Does Not Exist"}. */
  static DataverseException recordNotFound(TableDefinition table, UUID id) {
    return new DataverseException(
        404, OBJECT_DOES_NOT_EXIST, table.logicalName() + " With Id = " + id + " Does Not Exist");
  }

  static DataverseException recordNotFoundByKey(TableDefinition table) {
    return new DataverseException(
        404,
        OBJECT_DOES_NOT_EXIST,
        "A record with the specified key values does not exist in " + table.logicalName() + " entity");
  }

  /** dataverse-api.md §2.6: {@code If-None-Match: *} on an existing row. */
  static DataverseException duplicateRecord() {
    return new DataverseException(412, DUPLICATE_RECORD, "A record with matching key values already exists.");
  }

  /** dataverse-api.md §2.6: {@code If-Match} with another version than the row's. */
  static DataverseException versionMismatch() {
    return new DataverseException(
        412,
        CONCURRENCY_VERSION_MISMATCH,
        "The version of the existing record doesn't match the RowVersion property provided.");
  }

  static DataverseException resourceNotFound(String segment) {
    return new DataverseException(404, RESOURCE_NOT_FOUND, "Resource not found for the segment '" + segment + "'.");
  }

  static DataverseException methodNotAllowed(String method) {
    return new DataverseException(
        405, ODATA_QUERY, "The requested resource does not support http method '" + method + "'.");
  }

  /** dataverse-api.md §2.6: an alternate key that the table does not declare. */
  static DataverseException invalidKey(TableDefinition table) {
    String type = table.typeName();
    return badRequest(
        ODATA_QUERY,
        "The key in the request URI is not valid for resource '" + type + "'. Ensure that the names and number of key"
            + " properties match the declared or alternate key properties for the resource '" + type + "'.");
  }

  /** A body the OData reader rejects, wrapped the way Dataverse reports payload errors. */
  static DataverseException payload(TableDefinition table, String detail) {
    return badRequest(
        PAYLOAD,
        "Error identified in Payload provided by the user for Entity :'" + table.entitySetName() + "', For more"
            + " information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293"
            + "  ----> InnerException : Microsoft.OData.ODataException: " + detail);
  }

  static DataverseException unknownProperty(TableDefinition table, String property) {
    return payload(
        table,
        "The property '" + property + "' does not exist on type '" + table.typeName() + "'. Make sure to only use"
            + " property names that are defined by the type or mark the type as open type.");
  }

  static DataverseException cannotConvert(TableDefinition table, String literal, String edmType) {
    return payload(table, "Cannot convert the literal '" + literal + "' to the expected type '" + edmType + "'.");
  }

  /** dataverse-api.md §2.2 (batch validation example), with the double space after "occurred." kept. */
  static DataverseException tooLong(TableDefinition table, String column, int maxLength) {
    return badRequest(
        STRING_TOO_LONG,
        "A validation error occurred.  The length of the '" + column + "' attribute of the '" + table.logicalName()
            + "' entity exceeded the maximum allowed length of '" + maxLength + "'.");
  }

  static DataverseException optionOutOfRange(
      TableDefinition table, String column, long value, Collection<Integer> valid) {
    return badRequest(
        OPTION_OUT_OF_RANGE,
        "A validation error occurred. The value " + value + " of '" + column + "' on record of type '"
            + table.logicalName() + "' is outside the valid range. Accepted Values: "
            + valid.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /** dataverse-api.md §3: {@code The "$filter" query parameter isn't supported when Change Tracking is enabled.} */
  static DataverseException notWithChangeTracking(String option) {
    return badRequest(
        ODATA_QUERY, "The \"" + option + "\" query parameter isn't supported when Change Tracking is enabled.");
  }

  /** A value the server refuses for a table (the emulator's own wording for rules the documentation states). */
  static DataverseException invalidArgument(String message) {
    return badRequest(INVALID_ARGUMENT, message);
  }

  /** A second row with a value that must be unique in its table, such as a publisher's unique name. */
  static DataverseException duplicateValue(TableDefinition table, String column, String value) {
    return new DataverseException(
        412,
        DUPLICATE_RECORD,
        "Cannot insert duplicate key. A " + table.logicalName() + " with " + column + " '" + value
            + "' already exists.");
  }

  /**
   * A message a platform-maintained table does not take, with the platform's text as public error reports quote it
   * ("The 'Create' method does not support entities of type 'x'. MessageProcessorCache returned
   * MessageProcessor.Empty.").
   */
  static DataverseException messageNotSupported(String message, TableDefinition table) {
    return badRequest(
        MESSAGE_NOT_SUPPORTED,
        "The '" + message + "' method does not support entities of type '" + table.logicalName()
            + "'. MessageProcessorCache returned MessageProcessor.Empty.");
  }

  /** dataverse-api.md §3: the fault for a delta token older than the change tracking retention. */
  static DataverseException expiredVersionStamp() {
    return badRequest(
        EXPIRED_VERSION_STAMP, "Version stamp associated with the client has expired. Please perform a full sync.");
  }

}
