package org.newsgraph.transfer;

import java.util.List;
import org.apache.jena.graph.Node;

/** Writes whole graphs into another store, and counts what it holds; one per protocol. */
interface GraphSink {

    /**
     * Replaces each graph of {@code graphs} in the store by ours: the store ends with exactly
     * our triples in that graph, whatever it held before.
     */
    void replace(List<OutgoingGraph> graphs);

    /** Whether one {@link #replace} request may carry several graphs. */
    boolean batches();

    /** The number of triples in graph {@code name} of the store (0 when it has no such graph). */
    long count(Node name);
}
