/**
 * The metadata Web API of the Dataverse emulator: table and column definitions ({@code EntityDefinitions},
 * {@code RelationshipDefinitions} and what hangs off them) derived from the emulator's table model, the
 * {@code RetrieveTotalRecordCount} function, and the customizations that create and change tables, columns,
 * relationships, keys and options. {@link org.spotlerconnector.sandbox.dataverse.metadata.MetadataApi} is the entry
 * point the router calls, over a {@link org.spotlerconnector.sandbox.dataverse.metadata.TableCatalog}; the rest is
 * organised as:
 *
 * <ul>
 *   <li>the definition types and their properties: {@code MetadataType}, {@code Navigation}, {@code AttributeKind};
 *   <li>the definitions: {@code MetadataModel} and the items {@code EntityItem}, {@code AttributeItem},
 *       {@code OptionSetItem}, {@code RelationshipItem}, {@code KeyItem}, with stable ids ({@code MetadataIds}),
 *       labels, the names of the standard tables ({@code StandardNames}) and of created ones ({@code Customizations});
 *   <li>the read protocol: {@code DefinitionPath} (keys, navigation, casts), {@code MetadataQuery} ({@code $select},
 *       {@code $expand}), {@code MetadataFilter} ({@code $filter}), {@code TotalRecordCount};
 *   <li>the write protocol: {@code Customizer}, {@code AttributeReader} and {@code SchemaNames};
 *   <li>{@code MetadataErrors}.
 * </ul>
 */
package org.spotlerconnector.sandbox.dataverse.metadata;
