package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the extract stage knows about one article so far, as one step sees it: the slots the
 * step declared it reads, and those it declared it fills. A read or write of any other slot is
 * a programming error and throws {@link IllegalStateException} naming the step and the slot,
 * so a step cannot depend on something its declaration does not say.
 *
 * <p>One context per article and step, made by {@link ExtractionPipeline}; not thread-safe, and
 * it need not be: one article is extracted on one thread.
 */
public final class ArticleContext {

    /** The slots' contents for one article, shared by the views the steps get. */
    static final class Contents {
        private final Map<Slot<?>, Object> values = new HashMap<>();
        private final Map<Slot<?>, List<Candidate<?>>> candidates = new HashMap<>();

        <T> void input(Slot<T> slot, T value) {
            values.put(slot, Objects.requireNonNull(value, slot.name()));
        }

        boolean filled(Slot<?> slot) {
            return values.containsKey(slot);
        }

        @SuppressWarnings("unchecked")
        <T> T value(Slot<T> slot) {
            return (T) values.get(slot);
        }
    }

    private record Candidate<T>(TextOrder at, T value) {
    }

    private final Contents contents;
    private final ExtractionStep step;

    ArticleContext(Contents contents, ExtractionStep step) {
        this.contents = contents;
        this.step = step;
    }

    /** The value of a slot the step requires. */
    public <T> T get(Slot<T> slot) {
        check(slot, Slot.Kind.VALUE, step.requires().contains(slot), "reads");
        T value = contents.value(slot);
        if (value == null) {
            throw new IllegalStateException(step.name() + " reads " + slot + ", which no step has filled");
        }
        return value;
    }

    /** Fills a value slot the step provides; once. */
    public <T> void put(Slot<T> slot, T value) {
        check(slot, Slot.Kind.VALUE, step.provides().contains(slot), "fills");
        if (contents.filled(slot)) {
            throw new IllegalStateException(step.name() + " fills " + slot + " a second time");
        }
        contents.values.put(slot, Objects.requireNonNull(value, slot.name()));
    }

    /** Proposes a candidate found at {@code at} to a candidate slot the step provides. */
    public <T> void propose(Slot<T> slot, TextOrder at, T candidate) {
        check(slot, Slot.Kind.CANDIDATES, step.provides().contains(slot), "proposes to");
        contents.candidates.computeIfAbsent(slot, k -> new ArrayList<>())
                .add(new Candidate<>(Objects.requireNonNull(at, "at"), Objects.requireNonNull(candidate, slot.name())));
    }

    /** Every candidate of a slot the step requires, in text order; those at the same place in the order proposed. */
    @SuppressWarnings("unchecked")
    public <T> List<T> candidates(Slot<T> slot) {
        check(slot, Slot.Kind.CANDIDATES, step.requires().contains(slot), "reads");
        List<Candidate<?>> all = new ArrayList<>(contents.candidates.getOrDefault(slot, List.of()));
        all.sort(Comparator.comparing(Candidate::at)); // a stable sort: proposal order breaks ties
        return all.stream().map(c -> (T) c.value()).toList();
    }

    private void check(Slot<?> slot, Slot.Kind kind, boolean declared, String verb) {
        if (slot.kind() != kind) {
            throw new IllegalStateException(step.name() + " uses " + slot + " as " + kind + " but it is " + slot.kind());
        }
        if (!declared) {
            throw new IllegalStateException(step.name() + " " + verb + " " + slot + " without declaring it");
        }
    }
}
