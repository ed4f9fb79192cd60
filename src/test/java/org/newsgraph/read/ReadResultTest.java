package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReadResultTest {

    @Test
    void failureMessageIsSourceColonProblem() {
        ReadResult.Failure failure = new ReadResult.Failure("feed.jsonl:2", "malformed JSON: unterminated object");

        assertEquals("feed.jsonl:2: malformed JSON: unterminated object", failure.message());
        assertEquals("feed.jsonl:2", failure.source());
    }

    @Test
    void successSourceIsTheArticleSource() {
        Article article = Article.of("a", LocalDate.of(2025, 2, 9), "Some text.");

        assertEquals("a", ReadResult.success(article).source());
    }
}
