package org.newsgraph.extract;

import java.util.Set;

/**
 * Makes the article's {@link AgentResolver} from its entities and roles, for the rules that ask
 * who a word refers to: speakers and event participants.
 */
final class AgentResolution implements ExtractionStep {

    private final Lexicon lexicon;

    AgentResolution(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.ENTITIES, Slots.ROLES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.AGENTS);
    }

    @Override
    public void apply(ArticleContext context) {
        context.put(Slots.AGENTS, new AgentResolver(context.get(Slots.DOCUMENT).sentences(), context.get(Slots.ENTITIES),
                context.get(Slots.ROLES), lexicon));
    }
}
