package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.List;

/** What a definition URL addresses: a collection of definitions or one definition, with its context URL path. */
sealed interface DefinitionResource {

  /** The type the URL promises: properties outside it can be neither selected nor filtered on. */
  MetadataType declared();

  /**
   * @param path the context URL path, e.g. {@code EntityDefinitions(<id>)/Attributes}
   * @param owner the logical name of the table the collection belongs to, or null for {@code EntityDefinitions}
   */
  record Many(List<MetadataItem> items, MetadataType declared, String path, String owner)
      implements DefinitionResource {}

  /**
   * @param item null when a single-valued navigation property is null
   * @param collectionPath the context URL path of the entry, e.g. {@code EntityDefinitions}
   * @param itemPath the path further segments build on, e.g. {@code EntityDefinitions(<id>)}
   */
  record One(MetadataItem item, MetadataType declared, String collectionPath, String itemPath)
      implements DefinitionResource {}
}
