package org.newsgraph.transfer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tally of one push: what happened to each graph, and how many triples went out. */
final class Run {

    private enum Outcome { SENT, SKIPPED, FAILED }

    final Map<String, Long> sizes = new HashMap<>();
    final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private long triplesSent;

    void expect(OutgoingGraph g) {
        sizes.put(g.id(), g.size());
    }

    void sent(OutgoingGraph g, PushListener listener) {
        outcomes.put(g.id(), Outcome.SENT);
        failures.remove(g.id());
        triplesSent += g.size();
        listener.sent(g.id(), g.size());
    }

    void skipped(OutgoingGraph g, PushListener listener) {
        outcomes.putIfAbsent(g.id(), Outcome.SKIPPED);
        listener.skipped(g.id());
    }

    void failed(OutgoingGraph g, String reason, PushListener listener) {
        outcomes.put(g.id(), Outcome.FAILED);
        failures.put(g.id(), reason);
        listener.failed(g.id(), reason);
    }

    PushReport report(int graphs, int verified, Map<String, String> mismatches) {
        return new PushReport(graphs, count(Outcome.SENT), count(Outcome.SKIPPED), triplesSent, verified, mismatches, failures);
    }

    private int count(Outcome outcome) {
        return (int) outcomes.values().stream().filter(outcome::equals).count();
    }
}
