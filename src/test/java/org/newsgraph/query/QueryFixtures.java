package org.newsgraph.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.TrigFixtures;

/**
 * Test data for the canned queries: {@code sample.trig}, the real graph of the sample article
 * ({@code data/articles}, regenerate with
 * {@code ./newsgraph convert data/articles -f trig -o src/test/resources/query/sample.trig}; the IT
 * {@code CannedQueriesIT} fails when it drifts from the converter's output), and
 * {@code synthetic.trig}, three hand-written articles about made-up people.
 */
final class QueryFixtures {

    static final String SAMPLE = "sample.trig";
    static final String SYNTHETIC = "synthetic.trig";
    static final String SAMPLE_ARTICLE = "mqm-bahadurabad-2025-02-09";

    private QueryFixtures() {
    }

    /** A store in memory holding the article graphs of these TriG resources of this package's folder. */
    static GraphStore store(String... resources) {
        GraphStore store = GraphStore.inMemory();
        Arrays.stream(resources).forEach(r -> load(store, read(r)));
        return store;
    }

    /** The TriG resource {@code name} from {@code src/test/resources/query/}. */
    static DatasetGraph read(String name) {
        return TrigFixtures.read("/query/" + name);
    }

    /** Puts each named graph of {@code data} into {@code store} as the article it describes. */
    static void load(GraphStore store, DatasetGraph data) {
        TrigFixtures.load(store, data);
    }

    /** {@code "name=value"} pairs as a map. */
    static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    /** Runs built-in query {@code name} with {@code "name=value"} parameters on {@code store}. */
    static QueryResult run(GraphStore store, String name, String... params) {
        return QueryTarget.local(store.dataset()).run(QueryCatalog.builtIn().get(name).bind(params(params)));
    }

    /** The rows of a SELECT result, each the given columns joined by " | " (unbound: empty). */
    static List<String> rows(QueryResult result, String... columns) {
        QueryResult.Rows rows = (QueryResult.Rows) result;
        return rows.values().stream()
                .map(row -> String.join(" | ", Arrays.stream(columns).map(c -> row.getOrDefault(c, "")).toList()))
                .toList();
    }
}
