/**
 * The pipeline: what drives an article through the stages, read → annotate ({@code nlp}) →
 * extract → map ({@code rdf}) → store or write. The stages do not know each other's callers;
 * this package is the one place that wires them together.
 *
 * <p>{@link org.newsgraph.pipeline.ArticleConverter} is the façade: one article in, its quads
 * out. {@link org.newsgraph.pipeline.ParallelConverter} converts a batch on several threads and
 * pushes each article's quads to a sink on the calling thread; {@link org.newsgraph.pipeline.RdfStreamSink}
 * is the sink that writes them to a {@code StreamRDF}. {@link org.newsgraph.pipeline.Ingester} feeds a
 * batch into a store's {@link org.newsgraph.store.IngestSink}, converting only what the store
 * does not hold already, and never inside a transaction.
 */
package org.newsgraph.pipeline;
