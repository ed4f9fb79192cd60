package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Fuzzing of the read stage (Jazzer; {@code mvn -Pfuzz test}, see the README's Reliability
 * section): whatever the bytes, reading gives an article or a one-line failure naming its
 * source, never an exception, and an article is always one the rest of the pipeline accepts.
 */
class ArticleReadingFuzz {

    private static final ArticleParser PARSER = ArticleParser.create();

    @FuzzTest(maxDuration = "40s")
    void parseText(FuzzedDataProvider data) {
        String id = data.consumeString(24);
        String content = data.consumeRemainingAsString();

        check(PARSER.parseText(id, content, "fuzz.txt"), "fuzz.txt");
    }

    @FuzzTest(maxDuration = "40s")
    void parseJsonLine(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();

        check(PARSER.parseJsonLine(line, "fuzz.jsonl:1", "fuzz-1"), "fuzz.jsonl:1");
    }

    /** File bytes as the reader decodes them: UTF-8, a byte-order mark, UTF-16, or a clear failure. */
    @FuzzTest(maxDuration = "40s")
    void decodeFileBytes(byte[] bytes) {
        Optional<String> problem = Utf8.fileProblem(bytes);
        if (problem.isPresent()) {
            assertOneLine(problem.get());
            return;
        }
        String text;
        try {
            Optional<Charset> utf16 = Utf8.utf16(bytes);
            text = utf16.isPresent() ? Utf8.decodeUtf16(bytes, utf16.get())
                    : Utf8.decode(bytes, Utf8.bomLength(bytes), bytes.length);
        } catch (Utf8.NotText e) {
            assertOneLine(e.getMessage());
            return;
        }
        check(PARSER.parseText("fuzz", text, "fuzz.txt"), "fuzz.txt");
    }

    private static void check(ReadResult result, String source) {
        assertEquals(source, result.source());
        if (result instanceof ReadResult.Failure failure) {
            assertOneLine(failure.problem());
        } else {
            Article article = ((ReadResult.Success) result).article();
            assertTrue(ArticleParser.idProblem(article.id()).isEmpty(), article.id());
            assertFalse(article.text().isBlank());
            assertFalse(article.text().contains("\r"), "line endings are \\n");
            article.title().ifPresent(t -> assertFalse(t.contains("\n"), "a title is one line"));
            article.contentHash();
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message.isBlank(), "a failure says why");
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }
}
