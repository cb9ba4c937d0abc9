/**
 * The metadata Web API of the Dataverse emulator: table and column definitions ({@code EntityDefinitions} and what
 * hangs off it) derived from the emulator's table model, and the {@code RetrieveTotalRecordCount} function.
 * {@link org.spotlerconnector.sandbox.dataverse.metadata.MetadataApi} is the entry point the router calls; the rest
 * is organised as:
 *
 * <ul>
 *   <li>the definition types and their properties: {@code MetadataType}, {@code Navigation}, {@code AttributeKind};
 *   <li>the definitions: {@code MetadataModel} and the items {@code EntityItem}, {@code AttributeItem},
 *       {@code OptionSetItem}, {@code RelationshipItem}, {@code KeyItem}, with stable ids ({@code MetadataIds}),
 *       labels and the names of the standard tables ({@code StandardNames});
 *   <li>the protocol: {@code DefinitionPath} (keys, navigation, casts), {@code MetadataQuery} ({@code $select},
 *       {@code $expand}), {@code MetadataFilter} ({@code $filter}), {@code TotalRecordCount} and
 *       {@code MetadataErrors}.
 * </ul>
 */
package org.spotlerconnector.sandbox.dataverse.metadata;
