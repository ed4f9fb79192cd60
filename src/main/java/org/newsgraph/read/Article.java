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

    /**
     * SHA-256 (lower-case hex) of everything the graph is built from: id, date, title, url
     * and text. Equal hashes mean that converting again would give the same graph.
     */
    public String contentHash() {
        String all = String.join("\u0000", id, date.map(LocalDate::toString).orElse(""),
                title.orElse(""), url.orElse(""), text);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** An article with only an id and a body, as written in tests and by API callers. */
    public static Article of(String id, LocalDate date, String text) {
        return new Article(id, Optional.ofNullable(date), Optional.empty(), Optional.empty(), text, id);
    }
}
