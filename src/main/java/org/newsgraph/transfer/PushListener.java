package org.newsgraph.transfer;

import java.time.Duration;

/** Hears how a push goes, graph by graph, for progress lines. Every method has an empty default. */
public interface PushListener {

    /** The graph of {@code id} (an article id, or "ontology" / "shapes") reached the store. */
    default void sent(String id, long triples) {
    }

    /** The graph of {@code id} was sent by an earlier push, unchanged since. */
    default void skipped(String id) {
    }

    /** A request failed for a passing reason and is tried again after {@code delay}. */
    default void retrying(String what, int attempt, Duration delay, String reason) {
    }

    /** The graph of {@code id} could not be written; the others go on. */
    default void failed(String id, String reason) {
    }

    PushListener NONE = new PushListener() {
    };
}
