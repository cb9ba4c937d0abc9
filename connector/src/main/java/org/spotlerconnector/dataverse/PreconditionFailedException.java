package org.spotlerconnector.dataverse;

/**
 * 412: a condition did not hold: the row changed since its ETag was read ({@code If-Match}), or it already exists
 * ({@code If-None-Match: *}).
 */
public class PreconditionFailedException extends DataverseException {
  public PreconditionFailedException(DataverseError error) {
    super(error);
  }
}
