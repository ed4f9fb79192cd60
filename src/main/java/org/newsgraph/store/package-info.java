/**
 * The store stage: article graphs kept in Jena TDB2, on disk or in memory, ready to be
 * queried with SPARQL.
 *
 * <p>{@link org.newsgraph.store.GraphStore} holds one named graph per article plus the
 * ontology, and writes each article in its own short transaction, so the store only ever
 * holds complete article graphs. {@link org.newsgraph.store.Ingester} runs a batch of read
 * results through the converter into the store, skipping articles already stored with the
 * same content hash, and reports each one to an {@link org.newsgraph.store.IngestListener}.
 * Jena's TDB2 and transaction types stay inside this package, except for the
 * {@link org.apache.jena.sparql.core.DatasetGraph} that a SPARQL server queries.
 */
package org.newsgraph.store;
