package org.newsgraph.extract;

import org.newsgraph.nlp.Span;

/**
 * A name in the text that stands for an entity, before mentions are merged into entities.
 *
 * @param span  where it is
 * @param kind  what it names
 * @param text  the name, cleaned (no honorific, no possessive)
 * @param known the well-known organization it names, or null
 */
public record NameMention(Span span, EntityKind kind, String text, Lexicon.KnownEntity known) {
}
