package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.read.Article;

/**
 * The learned attribution step's decoding and its place beside the rules, on hand-parsed
 * sentences and a small model written here (no CoreNLP, no trained weights): cues the model
 * accepts, the content and source it scores best, the statements it adds where the rules find
 * nothing, and what it leaves out.
 */
class LearnedAttributionTest {

    /** "Mara Lind hopes the ferry will return soon." (hope is no speech verb of the rules) */
    private static final List<String> HOPES = List.of(
            "Mara Mara NNP PERSON 2 compound", "Lind Lind NNP PERSON 3 nsubj", "hopes hope VBZ O 0 root",
            "the the DT O 5 det", "ferry ferry NN O 7 nsubj", "will will MD O 7 aux", "return return VB O 3 ccomp",
            "soon soon RB O 7 advmod", ". . . O 3 punct");
    /** "Mara Lind argued that the bridge would close." (the rules read it too) */
    private static final List<String> ARGUED = List.of(
            "Mara Mara NNP PERSON 2 compound", "Lind Lind NNP PERSON 3 nsubj", "argued argue VBD O 0 root",
            "that that IN O 8 mark", "the the DT O 6 det", "bridge bridge NN O 8 nsubj", "would would MD O 8 aux",
            "close close VB O 3 ccomp", ". . . O 3 punct");
    /** "Mara Lind welcomed the plan." (an attitude to a thing, no statement) */
    private static final List<String> WELCOMED = List.of(
            "Mara Mara NNP PERSON 2 compound", "Lind Lind NNP PERSON 3 nsubj", "welcomed welcome VBD O 0 root",
            "the the DT O 5 det", "plan plan NN O 3 obj", ". . . O 3 punct");

    private static final AttributionModel MODEL = new AttributionModel(Map.of(
            AttributionModel.Part.CUE, new AttributionModel.Scorer(Map.of("l=hope", 6.0, "l=argue", 6.0, "l=welcome", 6.0), -4, 0.5),
            AttributionModel.Part.CONTENT, new AttributionModel.Scorer(Map.of("k=ccomp", 4.0, "k=obj", 4.0), -2, 0.5),
            AttributionModel.Part.SOURCE, new AttributionModel.Scorer(Map.of("pa=vnsubj", 6.0), -3, 0.5)),
            List.of("written for a test"));

    private static final AnnotatedDocument DOC = HandParsed.of(List.of(HOPES, ARGUED, WELCOMED));

    @Test
    void theCueTheModelAcceptsWithTheContentAndSourceItScoresBest() {
        List<LearnedAttribution.Attribution> found = LearnedAttribution.attributions(MODEL, DOC, DOC.sentence(0));
        assertEquals(1, found.size(), found.toString());
        LearnedAttribution.Attribution a = found.get(0);
        assertEquals(2, a.cue());
        assertEquals("the ferry will return soon", DOC.sentence(0).textOf(a.content().start(), a.content().end()));
        assertTrue(a.content().kinds().contains("ccomp"), a.content().kinds().toString());
        assertEquals(1, a.source());
        assertTrue(a.probability() > 0.5 && a.probability() < 1, String.valueOf(a.probability()));
    }

    @Test
    void aCueBelowTheThresholdIsNone() {
        AttributionModel strict = MODEL.withThreshold(AttributionModel.Part.CUE, 0.99);
        assertTrue(LearnedAttribution.attributions(strict, DOC, DOC.sentence(0)).isEmpty());
        AttributionModel noContent = MODEL.withThreshold(AttributionModel.Part.CONTENT, 0.999);
        assertTrue(LearnedAttribution.attributions(noContent, DOC, DOC.sentence(0)).isEmpty());
    }

    @Test
    void theModelAloneGivesStatementsButNotAttitudesToThings() {
        List<StatementFact> st = extract(Extractor.StatementFinders.MODEL);
        assertEquals(List.of("the ferry will return soon", "the bridge would close"), texts(st));
        assertTrue(st.stream().allMatch(s -> s.speaker().label().equals("Mara Lind")), st.toString());
        assertEquals("hope", st.get(0).cue());
        assertFalse(st.get(0).direct());
        // the model does find the third attribution; its content has no verb, so it is no statement
        assertEquals(1, LearnedAttribution.attributions(MODEL, DOC, DOC.sentence(2)).size());
    }

    @Test
    void besideTheRulesItAddsOnlyWhatTheyLeaveUncovered() {
        assertEquals(List.of("the bridge would close"), texts(extract(Extractor.StatementFinders.RULES)));
        List<StatementFact> both = extract(Extractor.StatementFinders.BOTH);
        assertEquals(List.of("the bridge would close", "the ferry will return soon"), texts(both));
    }

    @Test
    void aLearnedStatementOverlappingARulesStatementIsLeftOutWhateverItsText() {
        Entity who = new Entity(EntityKind.PERSON, "Mara Lind", java.util.Set.of(), false, Optional.empty());
        StatementFact rule = new StatementFact(who, "the bridge would close", false, "argue", new Evidence(10, 32, ""), 0.8);
        StatementFact overlapping = new StatementFact(who, "that the bridge would close", false, "argue", new Evidence(5, 32, ""), 0.6);
        StatementFact elsewhere = new StatementFact(who, "the ferry will return soon", false, "hope", new Evidence(40, 66, ""), 0.6);
        ExtractionStep rules = toy(Slots.STATEMENT_CANDIDATES, rule);
        ExtractionStep learned = toy(Slots.LEARNED_STATEMENT_CANDIDATES, overlapping, elsewhere);
        ExtractionPipeline p = ExtractionPipeline.builder().add(rules).add(learned)
                .add(new StatementMerge(List.of(Slots.STATEMENT_CANDIDATES, Slots.LEARNED_STATEMENT_CANDIDATES)))
                .output(Slots.STATEMENTS).build();
        assertEquals(List.of(rule, elsewhere), p.run(in -> { }).get(Slots.STATEMENTS));
    }

    private static ExtractionStep toy(Slot<StatementFact> slot, StatementFact... facts) {
        return new ExtractionStep() {
            @Override
            public java.util.Set<Slot<?>> requires() {
                return java.util.Set.of();
            }

            @Override
            public java.util.Set<Slot<?>> provides() {
                return java.util.Set.of(slot);
            }

            @Override
            public void apply(ArticleContext context) {
                for (int i = 0; i < facts.length; i++) {
                    context.propose(slot, TextOrder.at(0, i, 0), facts[i]);
                }
            }
        };
    }

    @Test
    void theModelFileKeepsWeightsBiasesThresholdsAndNotes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.write(out);
        AttributionModel back = AttributionModel.read(new ByteArrayInputStream(out.toByteArray()));
        for (AttributionModel.Part p : AttributionModel.Part.values()) {
            assertEquals(MODEL.scorer(p), back.scorer(p));
        }
        assertEquals(List.of("written for a test"), back.notes());
    }

    @Test
    void aBrokenModelFileSaysWhichLine() throws IOException {
        IOException e = assertThrows(IOException.class, () -> AttributionModel.read(gzip("# a note\nCUE\tl=say\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(IOException.class, () -> AttributionModel.read(gzip("CUE\tl=say\t1.5\n")));
        assertTrue(e.getMessage().contains("no bias or threshold"), e.getMessage());
    }

    @Test
    void theShippedModelSaysWhatItWasTrainedOnAndHowItScoredOnArticlesItWasNotTrainedOn() {
        AttributionModel shipped = AttributionModel.builtIn().orElseThrow();
        String notes = String.join("\n", shipped.notes());
        assertTrue(notes.contains("PolNeAR train"), notes);
        assertTrue(notes.contains("held out: attributions"), notes);
        assertTrue(shipped.scorer(AttributionModel.Part.CUE).weights().size() > 1000);
    }

    private static List<StatementFact> extract(Extractor.StatementFinders finders) {
        Extractor extractor = Extractor.create(Extractor.standardPipeline(Lexicon.builtIn(), finders, Optional.of(MODEL)));
        return extractor.extract(Article.of("hand-parsed", null, DOC.text()), DOC).statements();
    }

    private static List<String> texts(List<StatementFact> statements) {
        return statements.stream().map(StatementFact::text).toList();
    }

    private static ByteArrayInputStream gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
