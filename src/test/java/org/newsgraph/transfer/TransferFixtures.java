package org.newsgraph.transfer;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.TrigFixtures;

/**
 * The store every transfer test starts from: the sample article's real graph, three made-up
 * articles, and one whose names and quotes are hard to serialize.
 */
final class TransferFixtures {

    static final String SAMPLE_ARTICLE = "mqm-bahadurabad-2025-02-09";
    static final String AWKWARD_ARTICLE = "awkward-names-2025-06-01";
    static final String[] RESOURCES = {"/query/sample.trig", "/query/synthetic.trig", "/transfer/awkward.trig"};

    private TransferFixtures() {
    }

    /** Fills {@code store} with the articles of {@link #RESOURCES}. */
    static GraphStore fill(GraphStore store) {
        for (String resource : RESOURCES) {
            TrigFixtures.load(store, TrigFixtures.read(resource));
        }
        return store;
    }

    static GraphStore store() {
        return fill(GraphStore.inMemory());
    }

    /** A copy of the article graphs of {@code ids} in {@code store} (all when empty), without the ontology. */
    static DatasetGraph articleGraphs(GraphStore store, Set<String> ids) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(store.dataset(), () -> {
            for (String id : ids.isEmpty() ? store.articleIds() : ids) {
                Node g = store.graphName(id);
                store.dataset().find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
            }
        });
        return copy;
    }
}
