package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Extraction steps in the order they run, checked when built: each slot a step reads is an input
 * or was filled by a step before it, and no step after it still adds to it; a value slot has one
 * step that fills it; every declared output is filled. Immutable and thread-safe.
 *
 * <pre>{@code
 * ExtractionPipeline pipeline = ExtractionPipeline.builder()
 *         .input(Slots.ARTICLE).input(Slots.ANNOTATED)
 *         .add(new Boilerplate(lexicon))
 *         .add(new NameMentions(lexicon))
 *         ...
 *         .output(Slots.STATEMENTS)
 *         .build();                      // throws if the order does not hold
 * pipeline.run(contents -> { ... inputs ... }, result -> { ... outputs ... });
 * }</pre>
 */
public final class ExtractionPipeline {

    private final List<ExtractionStep> steps;
    private final Set<Slot<?>> inputs;
    private final Set<Slot<?>> outputs;

    private ExtractionPipeline(Builder b) {
        this.steps = List.copyOf(b.steps);
        this.inputs = Set.copyOf(b.inputs);
        this.outputs = Set.copyOf(b.outputs);
        check();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The steps, in the order they run. */
    public List<ExtractionStep> steps() {
        return steps;
    }

    /**
     * Runs every step over one article: {@code inputs} fills the input slots, then each step
     * applies in turn, and the finished contents are returned for the declared outputs to be
     * read with {@link Result#get} and {@link Result#candidates}.
     */
    public Result run(Consumer<Inputs> inputs) {
        ArticleContext.Contents contents = new ArticleContext.Contents();
        inputs.accept(new Inputs(contents));
        for (Slot<?> in : this.inputs) {
            if (!contents.filled(in)) {
                throw new IllegalArgumentException("input " + in + " is not given");
            }
        }
        for (ExtractionStep step : steps) {
            step.apply(new ArticleContext(contents, step));
            for (Slot<?> filled : step.provides()) {
                if (filled.kind() == Slot.Kind.VALUE && !contents.filled(filled)) {
                    throw new IllegalStateException(step.name() + " declares it fills " + filled + " but did not");
                }
            }
        }
        return new Result(contents, this.outputs);
    }

    /** Fills the input slots of one run. */
    public static final class Inputs {
        private final ArticleContext.Contents contents;

        private Inputs(ArticleContext.Contents contents) {
            this.contents = contents;
        }

        public <T> Inputs put(Slot<T> slot, T value) {
            contents.input(slot, value);
            return this;
        }
    }

    /** The outputs of one run. */
    public static final class Result {
        private final ArticleContext context;

        private Result(ArticleContext.Contents contents, Set<Slot<?>> outputs) {
            this.context = new ArticleContext(contents, new Reader(outputs));
        }

        public <T> T get(Slot<T> slot) {
            return context.get(slot);
        }

        public <T> List<T> candidates(Slot<T> slot) {
            return context.candidates(slot);
        }
    }

    /** The caller of a run, as a reader of the declared outputs only. */
    private record Reader(Set<Slot<?>> requires) implements ExtractionStep {
        @Override
        public String name() {
            return "the pipeline's caller";
        }

        @Override
        public Set<Slot<?>> provides() {
            return Set.of();
        }

        @Override
        public void apply(ArticleContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private void check() {
        Map<Slot<?>, List<Integer>> fillers = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (Slot<?> s : steps.get(i).provides()) {
                if (inputs.contains(s)) {
                    throw new IllegalArgumentException(steps.get(i).name() + " fills " + s + ", an input of the pipeline");
                }
                fillers.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
            }
        }
        fillers.forEach((slot, by) -> {
            if (slot.kind() == Slot.Kind.VALUE && by.size() > 1) {
                throw new IllegalArgumentException(slot + " is filled by " + steps.get(by.get(0)).name() + " and by "
                        + steps.get(by.get(1)).name() + ": a value slot has one step that fills it");
            }
        });
        for (int i = 0; i < steps.size(); i++) {
            ExtractionStep step = steps.get(i);
            for (Slot<?> needed : step.requires()) {
                readable(needed, i, step.name(), fillers);
            }
        }
        for (Slot<?> out : outputs) {
            readable(out, steps.size(), "the pipeline's output", fillers);
        }
    }

    private void readable(Slot<?> slot, int at, String reader, Map<Slot<?>, List<Integer>> fillers) {
        if (inputs.contains(slot)) {
            return;
        }
        List<Integer> by = fillers.getOrDefault(slot, List.of());
        if (by.isEmpty()) {
            throw new IllegalArgumentException(reader + " reads " + slot + ", which no step fills");
        }
        int last = by.get(by.size() - 1);
        if (last >= at) {
            throw new IllegalArgumentException(reader + " reads " + slot + " before " + steps.get(last).name()
                    + " fills it: move " + reader + " after it");
        }
    }

    /** Steps, inputs and outputs of a pipeline, in order. */
    public static final class Builder {
        private final List<ExtractionStep> steps = new ArrayList<>();
        private final Set<Slot<?>> inputs = new LinkedHashSet<>();
        private final Set<Slot<?>> outputs = new LinkedHashSet<>();

        private Builder() {
        }

        /** A slot the caller fills before the first step. */
        public Builder input(Slot<?> slot) {
            inputs.add(Objects.requireNonNull(slot, "slot"));
            return this;
        }

        /** The next step. */
        public Builder add(ExtractionStep step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** A slot the caller reads after the last step. */
        public Builder output(Slot<?> slot) {
            outputs.add(Objects.requireNonNull(slot, "slot"));
            return this;
        }

        /** The pipeline; throws {@link IllegalArgumentException} saying which step is out of order. */
        public ExtractionPipeline build() {
            return new ExtractionPipeline(this);
        }
    }
}
