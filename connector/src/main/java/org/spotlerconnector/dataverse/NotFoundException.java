package org.spotlerconnector.dataverse;

/** 404: the record (or the entity set) does not exist. */
public class NotFoundException extends DataverseException {
  public NotFoundException(DataverseError error) {
    super(error);
  }
}
