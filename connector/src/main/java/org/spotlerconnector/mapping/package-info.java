/**
 * The mapping between Dataverse columns and Spotler contact fields, mirroring the incumbent's mapping rows: per Spotler
 * field a contact, lead, account and entity column ({@link org.spotlerconnector.mapping.ColumnExpression}), a
 * {@link org.spotlerconnector.mapping.Direction} and an optional {@link org.spotlerconnector.mapping.RowFilter}.
 *
 * <p>{@link org.spotlerconnector.mapping.MappingValidator} checks a mapping against the Spotler account's properties
 * ({@link org.spotlerconnector.mapping.SpotlerSchema}) and the Dataverse tables ({@link
 * org.spotlerconnector.mapping.DataverseSchema}), reporting every problem at once. {@link
 * org.spotlerconnector.mapping.OutboundMapper} turns Dataverse rows into Spotler contact properties and tells the sync
 * which columns to read. The way back: {@link org.spotlerconnector.mapping.SpotlerValueNormaliser} brings values as the
 * Spotler API returns them into the form outbound sends (Spotler value space), and {@link
 * org.spotlerconnector.mapping.InboundMapper} turns such values into Dataverse columns, so that outbound of inbound
 * gives the same value back.
 */
package org.spotlerconnector.mapping;
