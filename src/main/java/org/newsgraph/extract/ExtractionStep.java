package org.newsgraph.extract;

import java.util.Set;

/**
 * One rule, or a small family of rules, of the extract stage: it reads what earlier steps left
 * in the article's context and adds what it finds. In the spirit of CoreNLP's
 * {@code Annotator.requires()} and {@code requirementsSatisfied()}: a step declares both, the
 * {@link ExtractionPipeline} checks the order of its steps when it is built, and the context
 * refuses a read or write the step did not declare.
 *
 * <p>Steps are immutable and thread-safe: everything per article lives in the context.
 *
 * <pre>{@code
 * final class AccordingTo implements ExtractionStep {
 *     public Set<Slot<?>> requires() { return Set.of(Slots.DOCUMENT, Slots.AGENTS); }
 *     public Set<Slot<?>> provides() { return Set.of(Slots.STATEMENT_CANDIDATES); }
 *     public void apply(ArticleContext context) { ... context.propose(Slots.STATEMENT_CANDIDATES, at, fact); }
 * }
 * }</pre>
 */
public interface ExtractionStep {

    /** A short name for messages; by default the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The slots this step reads: each must be provided by a step before it. */
    Set<Slot<?>> requires();

    /** The slots this step fills: a value it puts, or candidates it proposes. */
    Set<Slot<?>> provides();

    /** Reads the required slots of {@code context} and fills the provided ones. */
    void apply(ArticleContext context);
}
