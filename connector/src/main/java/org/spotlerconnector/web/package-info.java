/**
 * The connector's web endpoints: the Dataverse webhook that starts a Spotler Job as soon as its row is created, a
 * health check and the Prometheus metrics. {@link org.spotlerconnector.web.WebServer} is the entry point.
 */
package org.spotlerconnector.web;
