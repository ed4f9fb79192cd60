package org.newsgraph.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.error.NewsgraphException;

class AnnotatedDocumentJsonTest {

    /** Two sentences, written by hand: every record kind, each Optional both present and empty. */
    static AnnotatedDocument handBuilt(Optional<LocalDate> date) {
        String text = "Ann Moore said: \"Café \\ tabs\tand ünïcode.\"\nShe left.";
        Sentence first = new Sentence(0, 0, 42, text.substring(0, 42), List.of(
                new Token(0, "Ann", "Ann", "NNP", "PERSON", "", 0, 3),
                new Token(1, "Moore", "Moore", "NNP", "PERSON", "", 4, 9),
                new Token(2, "said", "say", "VBD", "O", "", 10, 14),
                new Token(3, "\"Café", "café", "NN", "O", "", 16, 21),
                new Token(4, "Saturday", "Saturday", "NNP", "DATE", "2025-03-01", 22, 30)),
                List.of(new Dependency("root", -1, 2), new Dependency("nsubj", 2, 1),
                        new Dependency("compound", 1, 0), new Dependency("obl:tmod", 2, 4),
                        new Dependency("parataxis", 2, 3)));
        Sentence second = new Sentence(1, 43, 52, "She left.", List.of(
                new Token(0, "She", "she", "PRP", "O", "", 43, 46),
                new Token(1, "left", "leave", "VBD", "O", "", 47, 51),
                new Token(2, ".", ".", ".", "O", "", 51, 52)),
                List.of(new Dependency("root", -1, 1), new Dependency("nsubj", 1, 0), new Dependency("punct", 1, 2)));
        List<Mention> mentions = List.of(
                new Mention(new Span(0, 0, 2), "PERSON", "Ann Moore", "", 0, 9),
                new Mention(new Span(0, 4, 5), "DATE", "Saturday", "2025-03-01", 22, 30));
        List<CorefChain> chains = List.of(new CorefChain(List.of(
                new CorefMention(new Span(0, 0, 2), 1, "PROPER", "Ann Moore"),
                new CorefMention(new Span(1, 0, 1), 0, "PRONOMINAL", "She")), 0));
        List<Quote> quotes = List.of(
                new Quote(16, 42, text.substring(16, 42), Optional.of(0), Optional.of(9),
                        Optional.of("Ann Moore"), Optional.empty()),
                new Quote(16, 42, text.substring(16, 42), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of("")));
        return new AnnotatedDocument(text, date, List.of(first, second), mentions, chains, quotes);
    }

    @Test
    void everyRecordFieldSurvivesWritingAndReading() {
        AnnotatedDocument doc = handBuilt(Optional.of(LocalDate.parse("2025-03-05")));
        String json = AnnotatedDocumentJson.write(doc);
        assertEquals(doc, AnnotatedDocumentJson.read(json));
        assertEquals(json, AnnotatedDocumentJson.write(AnnotatedDocumentJson.read(json)), "writing is stable");
    }

    @Test
    void aDocumentWithoutDateOrAnyAnnotationRoundTrips() {
        AnnotatedDocument bare = new AnnotatedDocument("Nothing.", Optional.empty(), List.of(), List.of(), List.of(), List.of());
        String json = AnnotatedDocumentJson.write(bare);
        assertTrue(json.contains("\"date\": null"), json);
        assertEquals(bare, AnnotatedDocumentJson.read(json));
    }

    @Test
    void fieldsComeInRecordOrderAndEachTokenOnItsOwnLine() {
        String json = AnnotatedDocumentJson.write(handBuilt(Optional.empty()));
        List<String> keys = List.of("\"text\"", "\"date\"", "\"sentences\"", "\"mentions\"", "\"chains\"", "\"quotes\"");
        int last = -1;
        for (String key : keys) {
            int at = json.indexOf("\n  " + key + ": ");
            assertTrue(at > last, key + " out of order in\n" + json);
            last = at;
        }
        assertTrue(json.contains("\n        {\"index\": 1, \"word\": \"Moore\", \"lemma\": \"Moore\", \"pos\": \"NNP\", "
                + "\"ner\": \"PERSON\", \"normalized\": \"\", \"begin\": 4, \"end\": 9},\n"), json);
    }

    @Test
    void filesRoundTripAsUtf8(@TempDir Path dir) {
        AnnotatedDocument doc = handBuilt(Optional.of(LocalDate.parse("2024-12-31")));
        Path file = dir.resolve("annotated.json");
        AnnotatedDocumentJson.write(doc, file);
        assertEquals(doc, AnnotatedDocumentJson.read(file));
    }

    @Test
    void aMissingFieldIsNamed() {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> AnnotatedDocumentJson.read(
                "{\"text\": \"x\", \"date\": null, \"sentences\": [], \"mentions\": [], \"chains\": []}"));
        assertTrue(e.getMessage().contains("\"quotes\""), e.getMessage());
    }
}
