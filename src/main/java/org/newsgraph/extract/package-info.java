/**
 * The extract stage: an {@link org.newsgraph.nlp.AnnotatedDocument} in, the facts of the
 * article out ({@link org.newsgraph.extract.ArticleFacts}): entities, roles, statements and
 * events, each with its evidence. The domain word lists are data files beside the classes.
 */
package org.newsgraph.extract;
