package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.nlp.AnnotatedDocument;

/**
 * Every golden folder: extraction from its saved annotations gives its expected facts. No
 * CoreNLP; {@code ExtractionPatternsIT} checks that the saved annotations are still what the
 * models say.
 */
class GoldenExtractionTest {

    static List<GoldenCase> cases() {
        return GoldenCase.all();
    }

    @Test
    void thereAreGoldenFolders() {
        assertTrue(cases().size() >= 40, cases().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractionFromTheSavedAnnotationsGivesTheExpectedFacts(GoldenCase c) {
        assertTrue(Files.exists(c.expectedFile()), c.expectedFile() + " missing: bench/regenerate-fixtures --expected " + c.name());
        FactList.differences(c.expectedJson(), c.extract()).ifPresent(diff -> fail("golden " + c.name() + ":\n" + diff
                + "If the change is meant, review and run bench/regenerate-fixtures --expected " + c.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void savedAnnotationsAreOfTheFoldersTextAndDate(GoldenCase c) {
        AnnotatedDocument doc = c.annotated();
        String stale = " (text.txt or article.properties changed: bench/regenerate-fixtures " + c.name() + ")";
        assertEquals(c.text(), doc.text(), "annotated.json is of another text" + stale);
        assertEquals(c.date(), doc.date(), "annotated.json is of another date" + stale);
        assertFalse(doc.sentences().isEmpty(), c.name());
    }

    @Test
    void aChangedFactIsReportedWithBothVersions() {
        GoldenCase c = GoldenCase.named("role-title-in-apposition-and-reported-speech");
        String edited = c.expectedJson().replace("\"title\": \"transport secretary\"", "\"title\": \"secretary\"");
        String diff = FactList.differences(edited, c.extract()).orElseThrow();
        assertTrue(diff.startsWith("roles differ:\n"), diff);
        assertTrue(diff.contains("expected, not found: {\"person\": \"PERSON: Robert Hale\", \"title\": \"secretary\""), diff);
        assertTrue(diff.contains("found, not expected:  {\"person\": \"PERSON: Robert Hale\", \"title\": \"transport secretary\""), diff);
    }
}
