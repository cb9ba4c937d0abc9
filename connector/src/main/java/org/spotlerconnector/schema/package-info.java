/**
 * Reads the two live schemas a mapping is checked against, and checks it at start-up.
 *
 * <p>{@link org.spotlerconnector.schema.DataverseSchemaReader} reads one table's definition from the Dataverse
 * metadata Web API in a single request ({@code EntityDefinitions(LogicalName='contact')} with its columns and
 * lookups); {@link org.spotlerconnector.schema.LiveDataverseSchema} reads each table the mapping asks for once, on
 * first use. {@link org.spotlerconnector.schema.SpotlerSchemaReader} reads the Spotler account's contact properties.
 * {@link org.spotlerconnector.schema.MappingCheck} puts them together: the compiled
 * {@link org.spotlerconnector.mapping.OutboundMapper}, or a {@link org.spotlerconnector.mapping.MappingException}
 * that lists every problem with its place in the configuration file.
 */
package org.spotlerconnector.schema;
