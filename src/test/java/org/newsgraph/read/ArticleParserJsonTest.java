package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleParserJsonTest {

    private final ArticleParser parser = ArticleParser.create();

    private Article ok(String line) {
        return assertInstanceOf(ReadResult.Success.class,
                parser.parseJsonLine(line, "feed.jsonl:3", "feed-3")).article();
    }

    private String problem(String line) {
        ReadResult.Failure failure = assertInstanceOf(ReadResult.Failure.class,
                parser.parseJsonLine(line, "feed.jsonl:3", "feed-3"));
        assertEquals("feed.jsonl:3", failure.source());
        return failure.problem();
    }

    @Test
    void allFieldsAreRead() {
        Article a = ok("{\"id\":\"mqm-1\",\"date\":\"2025-02-09\",\"title\":\"Council backs budget\","
                + "\"url\":\"https://example.org/mqm\",\"text\":\"Union members gathered.\\n\\nMore.\"}");

        assertEquals("mqm-1", a.id());
        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals(Optional.of("Council backs budget"), a.title());
        assertEquals(Optional.of("https://example.org/mqm"), a.url());
        assertEquals("Union members gathered.\n\nMore.", a.text());
        assertEquals("feed.jsonl:3", a.source());
    }

    @Test
    void aTitleWithLineBreaksBecomesOneLine() {
        Article a = ok("{\"title\":\"Council votes\\non the\\r\\n\\tbudget \",\"text\":\"Body.\"}");

        assertEquals(Optional.of("Council votes on the budget"), a.title());
    }

    @Test
    void missingIdUsesFallbackId() {
        Article a = ok("{\"text\":\"Union members gathered.\"}");

        assertEquals("feed-3", a.id());
        assertEquals(Optional.empty(), a.date());
        assertEquals(Optional.empty(), a.title());
        assertEquals(Optional.empty(), a.url());
    }

    @Test
    void nullOrBlankOptionalFieldsAreAbsent() {
        Article a = ok("{\"id\":null,\"date\":\"\",\"title\":null,\"url\":\"  \",\"text\":\"Body.\"}");

        assertEquals("feed-3", a.id());
        assertEquals(Optional.empty(), a.date());
        assertEquals(Optional.empty(), a.title());
        assertEquals(Optional.empty(), a.url());
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertEquals("Body.", ok("{\"text\":\"Body.\",\"author\":{\"name\":\"x\"},\"tags\":[1,2]}").text());
    }

    @Test
    void textGetsNoHeaderOrHeadlineParsing() {
        Article a = ok("{\"text\":\"date 2025-02-09 Council backs budget\\n\\nBody.\"}");

        assertEquals(Optional.empty(), a.date());
        assertEquals(Optional.empty(), a.title());
        assertEquals("date 2025-02-09 Council backs budget\n\nBody.", a.text());
    }

    @Test
    void missingTextIsFailure() {
        assertEquals("no text: field 'text' is missing", problem("{\"id\":\"a\",\"title\":\"Headline only\"}"));
    }

    @Test
    void blankTextIsFailure() {
        assertEquals("empty article: field 'text' is blank", problem("{\"text\":\" \\n \"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"Body.\"", "{'text':'Body.'}", "{text:\"Body.\"}",
            "{\"text\":\"Body.\",}", "{\"text\":\"Body.\"} // comment", "{\"text\":\"Body.\"} {\"text\":\"Two.\"}",
            "not json at all"})
    void malformedOrLenientJsonIsFailure(String line) {
        assertTrue(problem(line).startsWith("malformed JSON: "), line);
    }

    @Test
    void malformedJsonMessageSpeaksToTheFileEditorNotToGsonUsers() {
        assertEquals("malformed JSON: syntax error at column 3", problem("{'text':'Body.'}"));
        assertEquals("malformed JSON: unexpected end of line at column 16", problem("{\"text\":\"Body.\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"Body.\"]", "\"Body.\"", "42", "null"})
    void jsonThatIsNotAnObjectIsFailure(String line) {
        assertTrue(problem(line).startsWith("expected a JSON object, got "), line);
    }

    @Test
    void nonStringFieldIsFailure() {
        assertEquals("field 'date' must be a string, got a number", problem("{\"text\":\"Body.\",\"date\":20250209}"));
        assertEquals("field 'text' must be a string, got an array", problem("{\"text\":[\"Body.\"]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-13-45", "09/02/2025"})
    void malformedDateIsFailureNamingTheValue(String date) {
        assertEquals("date '" + date + "' is not a valid date (expected YYYY-MM-DD)",
                problem("{\"text\":\"Body.\",\"date\":\"" + date + "\"}"));
    }

    @Test
    void idThatCannotEndAnIriIsFailure() {
        assertTrue(problem("{\"id\":\"a b\",\"text\":\"Body.\"}").startsWith("article id 'a b' cannot be used in an IRI"));
    }

    @Test
    void dateInTheFutureIsFailure() {
        assertEquals("date 2199-01-01 is in the future (after " + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)
                + "); check the article's date", problem("{\"date\": \"2199-01-01\", \"text\": \"The council met.\"}"));
    }

    @Test
    void textThatIsAnHtmlPageIsFailure() {
        assertTrue(problem("{\"text\": \"<!doctype html><html><p>The council met.</p></html>\"}").startsWith("an HTML page"));
    }

    /** Found by fuzzing (ArticleReadingFuzz): Gson's message quotes the key, line breaks and all. */
    @Test
    void aBrokenLineWhoseKeyHoldsALineBreakFailsInOneLine() {
        String problem = problem("{\"id\": \"a-1\", \"d\\rx\" \"text\": \"The council met.\"}");

        assertEquals("malformed JSON: Expected ':' at column 23", problem);
    }
}
