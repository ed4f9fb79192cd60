package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.read.Article;

/**
 * The extract stage: an article and its annotations in, the facts they state out. It runs an
 * {@link ExtractionPipeline} of steps, by default {@link #standardPipeline}. Pure and
 * thread-safe; the word lists come from a {@link Lexicon}.
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create(Lexicon.builtIn());
 * ArticleFacts facts = extractor.extract(article, annotator.annotate(article.text(), article.date()));
 * }</pre>
 */
public final class Extractor {

    private final ExtractionPipeline pipeline;

    private Extractor(ExtractionPipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /** The standard extraction with the word lists of {@code lexicon}. */
    public static Extractor create(Lexicon lexicon) {
        return new Extractor(standardPipeline(lexicon));
    }

    /** The standard extraction, its statements found by {@code statements}. */
    public static Extractor create(Lexicon lexicon, StatementFinders statements) {
        return new Extractor(standardPipeline(lexicon, statements));
    }

    /** What finds statements: the rules, the learned attribution model, or both (the model where the rules find nothing). */
    public enum StatementFinders {
        RULES, MODEL, BOTH;

        /** Both when newsgraph ships a model, else the rules. */
        public static StatementFinders standard() {
            return AttributionModel.builtIn().isPresent() ? BOTH : RULES;
        }
    }

    /**
     * An extraction by other steps: the pipeline must take {@link Slots#ARTICLE} and
     * {@link Slots#ANNOTATED} as inputs and fill the slots {@link #extract} reads (see
     * {@link #pipelineBuilder()}).
     */
    public static Extractor create(ExtractionPipeline pipeline) {
        return new Extractor(pipeline);
    }

    /** A pipeline builder with this stage's inputs and outputs declared, to add steps to. */
    public static ExtractionPipeline.Builder pipelineBuilder() {
        return ExtractionPipeline.builder().input(Slots.ARTICLE).input(Slots.ANNOTATED)
                .output(Slots.ENTITIES).output(Slots.SCOPE_PLACES).output(Slots.ROLES)
                .output(Slots.STATEMENTS).output(Slots.EVENTS);
    }

    /**
     * Every rule of the standard extraction, in the order they run: the one place a new rule is
     * registered. {@link ExtractionPipeline.Builder#build()} checks that each step comes after
     * the steps that fill what it reads.
     */
    public static ExtractionPipeline standardPipeline(Lexicon lexicon) {
        return standardPipeline(lexicon, StatementFinders.standard());
    }

    /** The standard pipeline with its statements found by {@code statements}. */
    public static ExtractionPipeline standardPipeline(Lexicon lexicon, StatementFinders statements) {
        return standardPipeline(lexicon, statements, AttributionModel.builtIn());
    }

    /** The standard pipeline with the attribution model {@code available} (none: the rules alone). */
    static ExtractionPipeline standardPipeline(Lexicon lexicon, StatementFinders statements, Optional<AttributionModel> available) {
        Objects.requireNonNull(lexicon, "lexicon");
        boolean rules = statements != StatementFinders.MODEL;
        Optional<AttributionModel> model = statements == StatementFinders.RULES ? Optional.empty() : available;
        if (!rules && model.isEmpty()) {
            throw new IllegalStateException("no attribution model in this build: statements can only come from the rules");
        }
        List<Slot<StatementFact>> merged = new ArrayList<>();
        if (rules) {
            merged.add(Slots.STATEMENT_CANDIDATES);
        }
        model.ifPresent(m -> merged.add(Slots.LEARNED_STATEMENT_CANDIDATES));
        ExtractionPipeline.Builder b = pipelineBuilder()
                // entities
                .add(new Boilerplate(lexicon))
                .add(new MentionFinder(lexicon))
                .add(new EntityResolver(lexicon))
                // roles, then who words refer to (which needs the roles: "the minister said")
                .add(new TitleHolders(lexicon))
                .add(new ImpliedRoleScope(lexicon))
                .add(new AgentResolution(lexicon));
        if (rules) {
            b.add(new DirectQuotes(lexicon))
                    .add(new ReportedSpeech(lexicon))
                    .add(new SpeechNounSources(lexicon))
                    .add(new AccordingTo())
                    .add(new RelativeClauseSpeakers(lexicon));
        }
        model.ifPresent(m -> b.add(new LearnedAttribution(m)));
        return b.add(new StatementMerge(merged))
                // events
                .add(new DateAnchoring(lexicon))
                .add(new VerbEvents(lexicon))
                .add(new NominalEvents(lexicon))
                .add(new EventMerge())
                .build();
    }

    /** The steps this extractor runs, in order. */
    public List<ExtractionStep> steps() {
        return pipeline.steps();
    }

    public ArticleFacts extract(Article article, AnnotatedDocument annotated) {
        ExtractionPipeline.Result result = pipeline.run(in -> in.put(Slots.ARTICLE, article).put(Slots.ANNOTATED, annotated));
        List<Entity> all = new ArrayList<>(result.get(Slots.ENTITIES).entities());
        result.get(Slots.SCOPE_PLACES).stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new ArticleFacts(article, all, result.get(Slots.ROLES), result.get(Slots.STATEMENTS),
                result.get(Slots.EVENTS));
    }
}
