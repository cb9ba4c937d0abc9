package org.spotlerconnector.dataverse;

/**
 * 400: the request is malformed or breaks a rule of the table (unknown column, invalid value, unsupported query
 * option).
 */
public class BadRequestException extends DataverseException {
  public BadRequestException(DataverseError error) {
    super(error);
  }
}
