package org.newsgraph.extract;

import java.util.Set;

/** The events of an article from the candidates of every event rule, in text order. */
final class EventMerge implements ExtractionStep {

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.EVENT_CANDIDATES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.EVENTS);
    }

    @Override
    public void apply(ArticleContext context) {
        context.put(Slots.EVENTS, context.candidates(Slots.EVENT_CANDIDATES));
    }
}
