package org.newsgraph.query;

import java.util.Iterator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * CONSTRUCT and DESCRIBE results cut at a number of triples. A row limit does not bound them:
 * each solution gives as many triples as the template has (a CONSTRUCT of 1,000 template
 * triples over 10,000 rows answered 1.15 GB), and a DESCRIBE as many as each resource has.
 * These stop collecting at the cap and say that they did, so the answer is the first
 * {@code cap} distinct triples, in the order the query gave them.
 */
public final class CappedGraphs {

    /**
     * A result and whether the cap cut it.
     *
     * @param <T> a {@link DatasetGraph} (CONSTRUCT) or a {@link Graph} (DESCRIBE)
     */
    public record Capped<T>(T result, boolean truncated) {
    }

    private CappedGraphs() {
    }

    /**
     * The quads of a CONSTRUCT query (triples are in the default graph), at most {@code cap}
     * distinct ones; the query is not asked for more once the cap is reached.
     */
    public static Capped<DatasetGraph> construct(QueryExec exec, long cap) {
        DatasetGraph out = DatasetGraphFactory.create();
        Iterator<Quad> quads = exec.constructQuads();
        boolean truncated = false;
        long n = 0;
        try {
            while (quads.hasNext()) {
                Quad q = quads.next();
                if (out.contains(q)) {
                    continue;
                }
                if (n == cap) {
                    truncated = true;
                    break;
                }
                out.add(q);
                n++;
            }
        } finally {
            Iter.close(quads);
        }
        if (exec.getQuery() != null) {
            exec.getQuery().getPrefixMapping().getNsPrefixMap().forEach(out.prefixes()::add);
        }
        return new Capped<>(out, truncated);
    }

    /** The graph of a DESCRIBE query, at most {@code cap} distinct triples. */
    public static Capped<Graph> describe(QueryExec exec, long cap) {
        Graph graph = GraphFactory.createDefaultGraph();
        CountingGraph counting = new CountingGraph(graph, cap);
        try {
            exec.describe(counting);
            return new Capped<>(graph, false);
        } catch (Full full) {
            return new Capped<>(graph, true);
        }
    }

    /** Thrown by {@link CountingGraph} to stop the describe handlers when the cap is reached. */
    private static final class Full extends RuntimeException {
        Full() {
            super("graph cap reached", null, false, false);
        }
    }

    /** A graph that takes {@code cap} distinct triples and stops whoever adds one more. */
    private static final class CountingGraph extends GraphWrapper {
        private final long cap;
        private long n;

        CountingGraph(Graph graph, long cap) {
            super(graph);
            this.cap = cap;
        }

        @Override
        public void add(Triple t) {
            if (get().contains(t)) {
                return;
            }
            if (n == cap) {
                throw new Full();
            }
            super.add(t);
            n++;
        }
    }
}
