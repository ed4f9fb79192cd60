/**
 * The last stage: article graphs out of the store, to a file in any RDF format
 * ({@link org.newsgraph.transfer.Exporter}) or into another graph store over SPARQL 1.1
 * ({@link org.newsgraph.transfer.GraphPusher}), with the ontology and shapes alongside when asked.
 */
package org.newsgraph.transfer;
