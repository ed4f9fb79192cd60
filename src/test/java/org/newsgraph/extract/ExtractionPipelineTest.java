package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The order checks of a pipeline and the context's refusal of undeclared reads and writes, on toy steps. */
class ExtractionPipelineTest {

    private static final Slot<String> TEXT = Slot.value("text");
    private static final Slot<Integer> LENGTH = Slot.value("length");
    private static final Slot<String> WORDS = Slot.candidates("words");
    private static final Slot<List<String>> SORTED = Slot.value("sorted words");

    /** A step made of its declarations and what it does. */
    private record Toy(String name, Set<Slot<?>> requires, Set<Slot<?>> provides, Consumer<ArticleContext> body)
            implements ExtractionStep {
        @Override
        public void apply(ArticleContext context) {
            body.accept(context);
        }
    }

    private static final Toy MEASURE = new Toy("measure", Set.of(TEXT), Set.of(LENGTH),
            c -> c.put(LENGTH, c.get(TEXT).length()));
    private static final Toy SPLIT_BACKWARDS = new Toy("split", Set.of(TEXT), Set.of(WORDS), c -> {
        String[] words = c.get(TEXT).split(" ");
        for (int i = words.length - 1; i >= 0; i--) {
            c.propose(WORDS, TextOrder.at(0, i, 0), words[i]);
        }
    });
    private static final Toy COLLECT = new Toy("collect", Set.of(WORDS), Set.of(SORTED),
            c -> c.put(SORTED, c.candidates(WORDS)));

    private static ExtractionPipeline.Builder withText() {
        return ExtractionPipeline.builder().input(TEXT);
    }

    @Test
    void stepsRunInOrderAndCandidatesComeOutInTextOrderWhateverTheOrderProposed() {
        ExtractionPipeline p = withText().add(MEASURE).add(SPLIT_BACKWARDS).add(COLLECT).output(LENGTH).output(SORTED).build();
        ExtractionPipeline.Result r = p.run(in -> in.put(TEXT, "the party met"));
        assertEquals(13, r.get(LENGTH));
        assertEquals(List.of("the", "party", "met"), r.get(SORTED));
    }

    @Test
    void aStepBeforeTheStepThatFillsWhatItReadsIsRefusedWhenBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withText().add(COLLECT).add(SPLIT_BACKWARDS).build());
        assertTrue(e.getMessage().contains("collect reads words before split fills it"), e.getMessage());
    }

    @Test
    void aStepThatReadsWhatNoStepFillsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtractionPipeline.builder()
                .add(MEASURE).build());
        assertTrue(e.getMessage().contains("measure reads text, which no step fills"), e.getMessage());
    }

    @Test
    void twoStepsFillingOneValueSlotAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withText().add(MEASURE).add(new Toy("count", Set.of(TEXT), Set.of(LENGTH), c -> c.put(LENGTH, 1))).build());
        assertTrue(e.getMessage().contains("length is filled by measure and by count"), e.getMessage());
    }

    @Test
    void anOutputNoStepFillsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> withText().add(MEASURE).output(SORTED).build());
    }

    @Test
    void severalStepsMayProposeCandidatesAndAllComeBeforeTheirReader() {
        Toy more = new Toy("more", Set.of(), Set.of(WORDS), c -> c.propose(WORDS, TextOrder.at(0, 1, 1), "big"));
        ExtractionPipeline p = withText().add(SPLIT_BACKWARDS).add(more).add(COLLECT).output(SORTED).build();
        assertEquals(List.of("the", "party", "big", "met"), p.run(in -> in.put(TEXT, "the party met")).get(SORTED));
        assertThrows(IllegalArgumentException.class, () -> withText().add(SPLIT_BACKWARDS).add(COLLECT).add(more).build());
    }

    @Test
    void aReadTheStepDidNotDeclareThrowsNamingTheStepAndTheSlot() {
        Toy sneaky = new Toy("sneaky", Set.of(), Set.of(LENGTH), c -> c.put(LENGTH, c.get(TEXT).length()));
        ExtractionPipeline p = withText().add(sneaky).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.run(in -> in.put(TEXT, "x")));
        assertEquals("sneaky reads text without declaring it", e.getMessage());
    }

    @Test
    void aWriteTheStepDidNotDeclareThrows() {
        Toy sneaky = new Toy("sneaky", Set.of(TEXT), Set.of(), c -> c.put(LENGTH, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withText().add(sneaky).build().run(in -> in.put(TEXT, "x")));
        assertEquals("sneaky fills length without declaring it", e.getMessage());
    }

    @Test
    void aStepThatDeclaresAValueButDoesNotFillItThrows() {
        Toy lazy = new Toy("lazy", Set.of(TEXT), Set.of(LENGTH), c -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withText().add(lazy).build().run(in -> in.put(TEXT, "x")));
        assertEquals("lazy declares it fills length but did not", e.getMessage());
    }

    @Test
    void aMissingInputIsRefusedBeforeAnyStepRuns() {
        ExtractionPipeline p = withText().add(MEASURE).build();
        assertThrows(IllegalArgumentException.class, () -> p.run(in -> { }));
    }

    @Test
    void theStandardPipelineBuildsAndEachOfItsStepsDeclaresWhatItFills() {
        List<ExtractionStep> steps = Extractor.create(Lexicon.builtIn()).steps();
        assertEquals("Boilerplate", steps.get(0).name());
        assertTrue(steps.stream().allMatch(s -> !s.provides().isEmpty()), steps.toString());
        assertTrue(steps.stream().map(ExtractionStep::name).toList().containsAll(
                List.of("DirectQuotes", "ReportedSpeech", "SpeechNounSources", "AccordingTo", "TitleHolders",
                        "ImpliedRoleScope", "DateAnchoring", "VerbEvents", "NominalEvents")));
    }
}
