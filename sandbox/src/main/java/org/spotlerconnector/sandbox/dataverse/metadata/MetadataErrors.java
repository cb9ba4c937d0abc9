package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.DataverseException;

/**
 * The refusals of the metadata API, in the Dataverse error JSON (dataverse-api.md §2.2). The platform's texts are
 * used where public material records them; the others are marked as the emulator's own.
 */
final class MetadataErrors {
  static final String OBJECT_DOES_NOT_EXIST = "0x80040217";
  static final String ENTITY_NOT_IN_METADATA_CACHE = "0x80041102";
  static final String ATTRIBUTE_NOT_IN_METADATA_CACHE = "0x80041103";
  static final String RESOURCE_NOT_FOUND = "0x8006088a";
  static final String ODATA_QUERY = "0x80060888";
  static final String DUPLICATE_NAME = "0x80044363";
  static final String INVALID_ARGUMENT = "0x80040203";
  private static final UUID NO_ID = new UUID(0, 0);

  private MetadataErrors() {}

  /**
   * An unknown table. The text is the one the platform's RetrieveEntity raises (CrmObjectNotFoundException, as quoted
   * in public error reports such as MarkMpn/Sql4Cds#620 and microsoft/powerplatform-build-tools#627), which is what
   * {@code EntityDefinitions(LogicalName='…')} runs; the trailing trace number of those reports is left out. Looked
   * up by MetadataId, the name is empty and the id is the one asked for.
   */
  static DataverseException entityNotFound(String logicalName, UUID metadataId) {
    return new DataverseException(
        404,
        OBJECT_DOES_NOT_EXIST,
        "Could not find an entity with name " + (logicalName == null ? "" : logicalName) + " and id "
            + (metadataId == null ? NO_ID : metadataId) + ".");
  }

  /** An unknown column: the metadata cache's text for an attribute name a table lacks. */
  static DataverseException attributeNotFound(String entity, String attribute) {
    return new DataverseException(
        404,
        ATTRIBUTE_NOT_IN_METADATA_CACHE,
        "'" + entity + "' entity doesn't contain attribute with Name = '" + attribute
            + "' and NameMapping = 'Logical'.");
  }

  /** Any other definition asked for by a key no definition has (the emulator's own text). */
  static DataverseException definitionNotFound(MetadataType type, String key) {
    return new DataverseException(
        404, OBJECT_DOES_NOT_EXIST, "Could not find a " + type.typeName() + " with key " + key + ".");
  }

  /**
   * A table name a message does not know, in the metadata cache's wording as platform faults carry it, e.g. "The
   * entity with a name = 'adx_webpage' with namemapping = 'Logical' was not found in the MetadataCache." (public
   * reports such as MscrmTools/MscrmTools.PortalCodeEditor#15). The HTTP status is the emulator's choice.
   */
  static DataverseException entityNotInMetadataCache(String logicalName) {
    return new DataverseException(
        404,
        ENTITY_NOT_IN_METADATA_CACHE,
        "The entity with a name = '" + logicalName + "' with namemapping = 'Logical' was not found in the"
            + " MetadataCache.");
  }

  static DataverseException resourceNotFound(String segment) {
    return new DataverseException(404, RESOURCE_NOT_FOUND, "Resource not found for the segment '" + segment + "'.");
  }

  /** The OData text for a key that is neither a MetadataId nor the type's alternate key (dataverse-api.md §2.2). */
  static DataverseException invalidKey(MetadataType type) {
    String name = type.qualifiedName();
    return new DataverseException(
        400,
        ODATA_QUERY,
        "The key in the request URI is not valid for resource '" + name + "'. Ensure that the names and number of key"
            + " properties match the declared or alternate key properties for the resource '" + name + "'.");
  }

  static DataverseException badRequest(String message) {
    return new DataverseException(400, ODATA_QUERY, message);
  }

  /**
   * A name another definition of the same kind already has. The code and the wording are the platform's as public
   * reports quote them for option sets ("The schema name contact_preferredcontactmethodcode for type OptionSet is not
   * unique. An contact_preferredcontactmethodcode with same name already exists.", code 0x80044363, in
   * ALM4Dataverse/Rnwood.Dataverse.Data.PowerShell#1412); that tables, columns, relationships and keys answer the
   * same way, with their own type name, is the emulator's assumption.
   */
  static DataverseException duplicateName(String schemaName, String type) {
    return new DataverseException(
        400,
        DUPLICATE_NAME,
        "The schema name " + schemaName + " for type " + type + " is not unique. An " + schemaName
            + " with same name already exists.");
  }

  /** A definition the platform would refuse: a missing or invalid property (the emulator's own texts). */
  static DataverseException invalidDefinition(String message) {
    return new DataverseException(400, INVALID_ARGUMENT, message);
  }

  /** A solution named by {@code MSCRM.SolutionUniqueName} that does not exist (the emulator's own text). */
  static DataverseException solutionNotFound(String uniqueName) {
    return new DataverseException(
        404, OBJECT_DOES_NOT_EXIST, "No solution with the unique name '" + uniqueName + "' exists.");
  }
}
