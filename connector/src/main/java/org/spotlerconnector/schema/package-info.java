/**
 * Reads the two live schemas a mapping is checked against, and checks it at start-up.
 *
 * <p>{@link org.spotlerconnector.schema.DataverseSchemaReader} reads one table's definition from the Dataverse
 * metadata Web API: {@code EntityDefinitions(LogicalName='contact')} with its columns and lookups, then the details of
 * its columns (lengths, ranges, date behaviours, choice options with labels) with one query per attribute type, at most
 * 14 requests per table; {@link org.spotlerconnector.schema.LiveDataverseSchema} reads each table the mapping asks for
 * once, on first use. {@link org.spotlerconnector.schema.SpotlerSchemaReader} reads the Spotler account's contact properties.
 * {@link org.spotlerconnector.schema.MappingCheck} puts them together: the compiled
 * {@link org.spotlerconnector.mapping.OutboundMapper}, or a {@link org.spotlerconnector.mapping.MappingException}
 * that lists every problem with its place in the configuration file.
 */
package org.spotlerconnector.schema;
