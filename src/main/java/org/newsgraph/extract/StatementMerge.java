package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The statements of an article from the candidates of every statement rule: the same speaker
 * and text once, as the first in text order found it (a quote before reported speech, and at
 * one token the rule of lower rank).
 */
final class StatementMerge implements ExtractionStep {

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.STATEMENT_CANDIDATES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.STATEMENTS);
    }

    @Override
    public void apply(ArticleContext context) {
        Map<String, StatementFact> out = new LinkedHashMap<>();
        for (StatementFact st : context.candidates(Slots.STATEMENT_CANDIDATES)) {
            out.putIfAbsent(st.speaker().key() + "|" + st.text(), st);
        }
        context.put(Slots.STATEMENTS, new ArrayList<>(out.values()));
    }
}
