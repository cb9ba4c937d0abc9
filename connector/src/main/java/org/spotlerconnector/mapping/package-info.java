/**
 * The mapping between Dataverse columns and Spotler contact fields, mirroring the incumbent's mapping rows: per Spotler
 * field a contact, lead, account and entity column ({@link org.spotlerconnector.mapping.ColumnExpression}), a
 * {@link org.spotlerconnector.mapping.Direction} and an optional {@link org.spotlerconnector.mapping.RowFilter}.
 *
 * <p>{@link org.spotlerconnector.mapping.MappingValidator} checks a mapping against the Spotler account's properties
 * ({@link org.spotlerconnector.mapping.SpotlerSchema}) and the Dataverse tables ({@link
 * org.spotlerconnector.mapping.DataverseSchema}), reporting every problem at once. {@link
 * org.spotlerconnector.mapping.OutboundMapper} turns Dataverse rows into Spotler contact properties and tells the sync
 * which columns to read.
 */
package org.spotlerconnector.mapping;
