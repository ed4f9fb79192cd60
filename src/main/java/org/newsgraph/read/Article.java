package org.newsgraph.read;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as read from its source, before any NLP.
 *
 * @param id     the article id: file name without extension, or the JSONL {@code id} field
 * @param date   publication date when the source gives one
 * @param title  the headline when the source gives one
 * @param url    where the article was published, when known
 * @param text   the body, without header and headline; what the NLP annotates
 * @param source where it was read from ("data/a.txt", "feed.jsonl:12"), for messages and provenance
 */
public record Article(String id, Optional<LocalDate> date, Optional<String> title,
                      Optional<String> url, String text, String source) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank (" + source + ")");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("article text is blank (" + source + ")");
        }
    }

    /** An article with only an id and a body, as written in tests and by API callers. */
    public static Article of(String id, LocalDate date, String text) {
        return new Article(id, Optional.ofNullable(date), Optional.empty(), Optional.empty(), text, id);
    }
}
