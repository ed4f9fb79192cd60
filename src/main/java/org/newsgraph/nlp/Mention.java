package org.newsgraph.nlp;

/**
 * A named-entity mention found by NER: a person, organization, place, title or time.
 *
 * @param span       where it is
 * @param type       NER type ("PERSON", "ORGANIZATION", "CITY", "TITLE", "DATE", ...)
 * @param text       the mention as written
 * @param normalized normalized value for times ("2025-02-08", "2024", "XXXX-WXX-6"), else ""
 * @param begin      character offset of the first character
 * @param end        character offset just past the last character
 */
public record Mention(Span span, String type, String text, String normalized, int begin, int end) {
}
