/**
 * The map stage: article facts to RDF quads under the newsgraph ontology ({@link org.newsgraph.rdf.NG}),
 * one named graph per article, and serialization of quads through RDF4J Rio.
 */
package org.newsgraph.rdf;
