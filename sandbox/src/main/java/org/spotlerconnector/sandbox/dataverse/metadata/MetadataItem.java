package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** One definition (a table, column, relationship, key or choice) as the metadata Web API exposes it. */
interface MetadataItem {

  MetadataType type();

  UUID metadataId();

  /** Every property of {@link #type()}, in the order of {@link MetadataType#properties()}. */
  ObjectNode properties();

  /**
   * The definitions a navigation property of {@link #type()} leads to; at most one for a single-valued property,
   * none when it is null.
   */
  List<MetadataItem> related(String navigation);
}
