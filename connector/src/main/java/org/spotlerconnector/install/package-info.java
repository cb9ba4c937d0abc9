/**
 * {@code install}: the connector's own Dataverse tables, security roles and environment variables.
 * {@link org.spotlerconnector.install.ConnectorTables} is the declarative model of docs/dataverse-tables.md;
 * {@link org.spotlerconnector.install.Installer} reads what exists through the metadata Web API and creates only what
 * is missing:
 *
 * <pre>{@code
 * List<Created> created = new Installer(dataverse, InstallSettings.defaults()).install();
 * }</pre>
 */
package org.spotlerconnector.install;
