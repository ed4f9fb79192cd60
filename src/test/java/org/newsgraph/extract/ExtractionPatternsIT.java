package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.AnnotatedDocumentJson;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;

/**
 * The golden folders still match the real models: each folder's text, annotated by CoreNLP
 * (the default profile, loaded once for all integration tests of the JVM), gives exactly its
 * saved {@code annotated.json} and so its expected facts. CoreNLP's output for these texts is
 * the same on every run, so the annotations are compared whole, with one exception: SUTime
 * resolves a bare weekday to the one before or after the document's date by a tag that stays
 * on its rules from an earlier document (stanfordnlp/CoreNLP#1061), so a weekday's value
 * depends on which folders ran before; the facts, which date a past-tense event to the weekday
 * before publication whatever SUTime chose, must still be exact. The patterns themselves are
 * tested without the models on those fixtures ({@code *RulesTest}, {@link GoldenExtractionTest}).
 */
class ExtractionPatternsIT {

    private static final Annotator CORENLP = CoreNlpAnnotator.shared(NlpProfile.DEFAULT);

    static List<GoldenCase> cases() {
        return GoldenCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void realCoreNlpGivesTheSavedAnnotationsAndTheExpectedFacts(GoldenCase c) {
        AnnotatedDocument fresh = CORENLP.annotate(c.text(), c.date());
        ArticleFacts facts = Extractor.create(c.lexicon(), Extractor.StatementFinders.RULES).extract(c.article(), fresh);
        FactList.differences(c.expectedJson(), facts).ifPresent(diff -> fail("golden " + c.name()
                + ": the models' annotations no longer give the expected facts:\n" + diff
                + "Review, then bench/regenerate-fixtures --expected " + c.name()));
        String saved = AnnotatedDocumentJson.write(c.annotated());
        String now = AnnotatedDocumentJson.write(fresh);
        if (!fresh.equals(c.annotated()) && !weekdayValuesMasked(saved).equals(weekdayValuesMasked(now))) {
            fail("golden " + c.name() + ": the models annotate the text otherwise than annotated.json, first at\n"
                    + firstDifference(saved, now)
                    + "\nbench/regenerate-fixtures " + c.name() + " rewrites it");
        }
    }

    private static final java.util.regex.Pattern WEEKDAY_LINE = java.util.regex.Pattern.compile(
            "(?i)\"(word|text)\": \"[^\"]*\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b");

    /** The JSON with the normalized values of lines about a weekday masked. */
    private static List<String> weekdayValuesMasked(String json) {
        return json.lines().map(l -> WEEKDAY_LINE.matcher(l).find()
                ? l.replaceAll("\"normalized\": \"[^\"]*\"", "\"normalized\": \"(weekday)\"") : l).toList();
    }

    private static String firstDifference(String saved, String fresh) {
        List<String> a = saved.lines().toList();
        List<String> b = fresh.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end)";
            String y = i < b.size() ? b.get(i) : "(end)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + "\n  saved: " + x + "\n  now:   " + y;
            }
        }
        return "(the JSON is the same)";
    }
}
