package org.newsgraph.transfer;

import java.util.List;
import java.util.Map;

/**
 * What a push did.
 *
 * @param graphs      graphs chosen (articles, plus ontology and shapes when asked)
 * @param sent        graphs written in this run
 * @param skipped     graphs an earlier run had written, unchanged since
 * @param triplesSent triples written in this run
 * @param verified    graphs whose triple count in the target store equals ours, or -1 when not checked
 * @param mismatches  graphs whose count differs after the push, by id: ours and theirs
 * @param failures    graphs that could not be written, by id, with the reason
 */
public record PushReport(int graphs, int sent, int skipped, long triplesSent, int verified,
                         Map<String, String> mismatches, Map<String, String> failures) {

    public PushReport {
        mismatches = Map.copyOf(mismatches);
        failures = Map.copyOf(failures);
    }

    /** Whether every graph is in the target store, checked where checking was asked for. */
    public boolean complete() {
        return failures.isEmpty() && mismatches.isEmpty();
    }

    /** Ids of the graphs that need another push. */
    public List<String> incomplete() {
        return java.util.stream.Stream.concat(failures.keySet().stream(), mismatches.keySet().stream()).sorted().toList();
    }
}
