package org.newsgraph.read;

import java.util.Objects;

/**
 * The outcome of reading one article: either the {@link Article} or the reason it could not
 * be read. Callers switch over the two cases; a failure is data, not an exception, so that a
 * run can report every bad input and carry on with the good ones.
 */
public sealed interface ReadResult permits ReadResult.Success, ReadResult.Failure {

    /** Where the article came from: a file path, or {@code path:LINE} for a JSONL line. */
    String source();

    static ReadResult success(Article article) {
        return new Success(article);
    }

    static ReadResult failure(String source, String problem) {
        return new Failure(source, problem);
    }

    /** An article that was read and parsed. */
    record Success(Article article) implements ReadResult {
        public Success {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String source() {
            return article.source();
        }
    }

    /**
     * An input that yielded no article.
     *
     * @param source  the file path, or {@code path:LINE} for a JSONL line
     * @param problem a short sentence for a human, e.g. "not UTF-8 text (invalid byte 0xE9 at offset 12)"
     */
    record Failure(String source, String problem) implements ReadResult {
        public Failure {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(problem, "problem");
        }

        /** The one-line error to show a user: {@code "<source>: <problem>"}. */
        public String message() {
            return source + ": " + problem;
        }
    }
}
