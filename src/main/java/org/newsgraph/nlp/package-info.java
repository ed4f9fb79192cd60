/**
 * The annotate stage: text in, {@link org.newsgraph.nlp.AnnotatedDocument} out. CoreNLP stops
 * at this package's edge; later stages see only the records here.
 */
package org.newsgraph.nlp;
