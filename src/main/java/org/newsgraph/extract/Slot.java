package org.newsgraph.extract;

import java.util.Objects;

/**
 * A named, typed place in an {@link ArticleContext}: what one extraction step leaves there for
 * the steps after it. A slot of kind {@link Kind#VALUE} holds one value from one step; one of
 * kind {@link Kind#CANDIDATES} collects ordered candidates from any number of steps, read only
 * once all of them have run.
 *
 * <pre>{@code
 * static final Slot<EntityIndex> ENTITIES = Slot.value("entities");
 * static final Slot<StatementFact> STATEMENT_CANDIDATES = Slot.candidates("statement candidates");
 * }</pre>
 *
 * @param <T> what the slot holds (for candidates: the type of one candidate)
 */
public final class Slot<T> {

    /** How many steps may fill a slot. */
    public enum Kind {
        /** One value, put by exactly one step. */
        VALUE,
        /** Candidates proposed by several steps, each with its place in the text. */
        CANDIDATES
    }

    private final String name;
    private final Kind kind;

    private Slot(String name, Kind kind) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("slot name is blank");
        }
        this.name = name;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A slot for one value that one step provides. */
    public static <T> Slot<T> value(String name) {
        return new Slot<>(name, Kind.VALUE);
    }

    /** A slot that several steps propose candidates to. */
    public static <T> Slot<T> candidates(String name) {
        return new Slot<>(name, Kind.CANDIDATES);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Slots are the same slot only when they are the same object, whatever their names. */
    @Override
    public String toString() {
        return name;
    }
}
