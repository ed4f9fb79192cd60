/**
 * newsgraph's {@code convert} as an Apache Spark job, for corpora beyond one machine: article
 * files from any path Spark reads (local, {@code hdfs://}, {@code s3a://}) in, N-Quads
 * partitions out, ready for a TDB2 bulk load or any store's loader. Each executor loads the
 * NLP models once and converts its articles exactly as {@link org.newsgraph.pipeline.ArticleConverter}
 * does on one machine, so the output is the graph {@code convert} writes.
 *
 * <p>Spark types stay in this package; the main project knows nothing of Spark.
 */
package org.newsgraph.spark;
