package org.spotlerconnector.sandbox.dataverse.metadata;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * MetadataIds derived from names, so that a definition keeps its id across restarts and across emulator instances, as
 * a real environment's definitions do; clients may cache them or address definitions by them.
 */
final class MetadataIds {

  private MetadataIds() {}

  static UUID entity(String entity) {
    return of("entity", entity);
  }

  static UUID attribute(String entity, String attribute) {
    return of("attribute", entity + "." + attribute);
  }

  static UUID relationship(String schemaName) {
    return of("relationship", schemaName);
  }

  static UUID key(String entity, String key) {
    return of("key", entity + "." + key);
  }

  static UUID optionSet(String name) {
    return of("optionset", name);
  }

  /** The id of one localized label; {@code owner} names what the label belongs to, e.g. {@code contact.firstname}. */
  static UUID label(String owner) {
    return of("label", owner);
  }

  private static UUID of(String kind, String name) {
    return UUID.nameUUIDFromBytes(("dataverse metadata " + kind + " " + name).getBytes(StandardCharsets.UTF_8));
  }
}
