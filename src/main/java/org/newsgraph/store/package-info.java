/**
 * The store stage: article graphs kept in Jena TDB2, on disk or in memory, ready to be
 * queried with SPARQL. A pure sink: it takes graphs made elsewhere and knows nothing of the
 * NLP or the extraction that made them (a test of the package dependencies checks it).
 *
 * <p>{@link org.newsgraph.store.GraphStore} holds one named graph per article plus the
 * ontology, and writes each article in its own short transaction, so the store only ever
 * holds complete article graphs. {@link org.newsgraph.store.IngestSink} takes a batch of
 * articles with their graphs, skipping articles already stored with the same content hash,
 * writing the others several to a transaction ({@link org.newsgraph.store.BatchWriter}), and
 * reports each one to an {@link org.newsgraph.store.IngestListener}; the pipeline's
 * {@code Ingester} feeds it from the converter. Jena's TDB2 and transaction types stay inside
 * this package, except for the {@link org.apache.jena.sparql.core.DatasetGraph} that a SPARQL
 * server queries.
 */
package org.newsgraph.store;
