/**
 * The read stage: article files in, {@link org.newsgraph.read.Article} records out.
 *
 * <p>{@link org.newsgraph.read.ArticleReader} walks files and directories and decodes bytes;
 * {@link org.newsgraph.read.ArticleParser} turns one article's text (a {@code .txt} file, a
 * JSONL line, an HTTP request body) into an {@code Article}. Bad input never throws: every
 * problem becomes a {@link org.newsgraph.read.ReadResult.Failure} naming its source, so one
 * broken file or line does not stop a run over thousands of good ones.
 */
package org.newsgraph.read;
