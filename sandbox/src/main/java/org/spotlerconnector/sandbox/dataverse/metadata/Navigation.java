package org.spotlerconnector.sandbox.dataverse.metadata;

/**
 * A navigation property of a definition type, e.g. {@code EntityMetadata.Attributes} (collection-valued) or
 * {@code PicklistAttributeMetadata.OptionSet} (single-valued).
 */
record Navigation(String name, boolean collection, MetadataType target) {}
