/**
 * The SPARQL server: an embedded Apache Jena Fuseki over the {@link org.newsgraph.store.GraphStore},
 * with a browser query page (YASGUI, bundled into the jar), entity pages, the canned queries as
 * an HTTP API with an OpenAPI document, an endpoint that ingests posted articles, and a health
 * check. {@link org.newsgraph.server.NewsServer} is the
 * façade; Fuseki and Jetty stay inside this package.
 */
package org.newsgraph.server;
