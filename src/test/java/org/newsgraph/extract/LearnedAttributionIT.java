package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.read.Article;

/**
 * The shipped attribution model with real CoreNLP, on sentences written for this test whose cues
 * the rules' speech verbs do not list: the model finds who said what in them, the rules alone
 * do not.
 */
class LearnedAttributionIT {

    private static final Annotator CORENLP = CoreNlpAnnotator.shared(NlpProfile.DEFAULT);
    private static final String TEXT = "Governor Tomas Ruiz hopes the new ferry line will open before the summer. "
            + "Councillor Ines Varga quipped that the old depot had finally found a use. "
            + "Local traders fear the storm season will delay the repairs again.";

    @Test
    void theModelFindsStatementsWhoseCuesTheRulesDoNotKnow() {
        AnnotatedDocument doc = CORENLP.annotate(TEXT, java.util.Optional.of(LocalDate.of(2026, 3, 2)));
        Article article = Article.of("model-cues", LocalDate.of(2026, 3, 2), TEXT);
        List<StatementFact> both = Extractor.create(Lexicon.builtIn(), Extractor.StatementFinders.BOTH).extract(article, doc).statements();
        List<StatementFact> rules = Extractor.create(Lexicon.builtIn(), Extractor.StatementFinders.RULES).extract(article, doc).statements();
        assertTrue(has(both, "Tomas Ruiz", "the new ferry line will open before the summer"), both.toString());
        assertTrue(has(both, "Ines Varga", "the old depot had finally found a use"), both.toString());
        assertTrue(both.stream().noneMatch(s -> s.text().contains("storm season")), "no named speaker: " + both);
        assertTrue(rules.stream().noneMatch(s -> s.text().contains("ferry") || s.text().contains("depot")), rules.toString());
    }

    private static boolean has(List<StatementFact> statements, String speaker, String text) {
        return statements.stream().anyMatch(s -> s.speaker().label().equals(speaker) && s.text().equals(text));
    }
}
