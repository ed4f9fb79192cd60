/**
 * The exceptions newsgraph throws on purpose, in a package of their own so that every stage
 * (read, nlp, extract, rdf, store, query, transfer, pipeline, server, cli) may throw them
 * without depending on any other stage.
 *
 * <p>{@link org.newsgraph.error.NewsgraphException} is the root: unchecked, its message names
 * the input and the next step, so the command line prints it as it is. A subclass exists where
 * a caller does something different for that case: {@link org.newsgraph.error.BadInputException}
 * (a request or option to correct: HTTP 400, a usage error), {@link org.newsgraph.error.ConfigurationException}
 * (newsgraph's set-up: models, word lists, resources), {@link org.newsgraph.error.StoreLockedException}
 * (a database held by another process), {@link org.newsgraph.error.RemoteRefusedException}
 * (a remote store turned the credentials down: retrying is useless),
 * {@link org.newsgraph.error.QueryTimeoutException} (a query stopped at its time limit: HTTP 503),
 * {@link org.newsgraph.error.ArticleTooLongException} (an article too long for the NLP: HTTP 413)
 * and {@link org.newsgraph.error.NlpTimeoutException} (an article's NLP stopped at its time
 * limit: HTTP 422).
 */
package org.newsgraph.error;
