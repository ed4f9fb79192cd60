package org.newsgraph.transfer;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newsgraph.rdf.OntologyGraphs;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.store.GraphStore;

/**
 * Writes article graphs from a store in one RDF format, streaming: quads go from the store's
 * indexes to the writer as they are read, so memory stays flat in the size of the store
 * (JSON-LD holds one article's graph at a time). The whole export reads one snapshot of the
 * store, in one read transaction, so ingests running meanwhile are either all in or all out.
 *
 * <p>Formats with named graphs keep one graph per article; the others (Turtle, N-Triples,
 * RDF/XML) get the union of the graphs, where a triple stated by two articles appears twice,
 * which every loader reads as one.
 *
 * <pre>{@code
 * Exporter exporter = Exporter.builder().format(OutputFormat.TRIG).withOntology(true).build();
 * ExportSummary summary = exporter.export(store, out);
 * }</pre>
 */
public final class Exporter {

    private final OutputFormat format;
    private final List<String> articleIds;
    private final boolean withOntology;

    private Exporter(Builder b) {
        this.format = b.format;
        this.articleIds = List.copyOf(b.articleIds);
        this.withOntology = b.withOntology;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the chosen graphs of {@code store} to {@code out}, which the caller closes.
     *
     * @throws NewsgraphException when a chosen article is not in the store; nothing is written then
     */
    public ExportSummary export(GraphStore store, OutputStream out) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            List<Node> graphs = chosenGraphs(store);
            StreamRDF writer = format.newWriter(out);
            Counter counted = new Counter(writer);
            writer.start();
            for (Node graph : graphs) {
                Iter.forEach(dsg.find(graph, Node.ANY, Node.ANY, Node.ANY), counted::quad);
            }
            if (withOntology) {
                counted.graph(OntologyGraphs.SHAPES, OntologyGraphs.shapes());
            }
            writer.finish();
            return new ExportSummary(graphs.size() + (withOntology ? 1 : 0), counted.triples, !format.keepsGraphs());
        });
    }

    /** The graphs to write, articles sorted by id, then the ontology. In a read transaction. */
    private List<Node> chosenGraphs(GraphStore store) {
        List<Node> graphs = new ArrayList<>();
        ChosenArticles.of(store, articleIds, "exported").forEach(id -> graphs.add(store.graphName(id)));
        if (withOntology) {
            graphs.add(OntologyGraphs.ONTOLOGY);
        }
        return graphs;
    }

    /** Counts what passes to the writer. */
    private static final class Counter {
        private final StreamRDF out;
        private long triples;

        Counter(StreamRDF out) {
            this.out = out;
        }

        void quad(Quad q) {
            out.quad(q);
            triples++;
        }

        void graph(Node name, Graph graph) {
            graph.find().forEach(t -> quad(Quad.create(name, t)));
        }
    }

    /** Options of an export; by default N-Quads of every article, without the ontology. */
    public static final class Builder {
        private OutputFormat format = OutputFormat.NQUADS;
        private final Set<String> articleIds = new LinkedHashSet<>();
        private boolean withOntology;

        private Builder() {
        }

        public Builder format(OutputFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Exports only these articles (may be called again to add more); default: all. */
        public Builder articles(Collection<String> ids) {
            ids.forEach(id -> articleIds.add(Objects.requireNonNull(id, "article id")));
            return this;
        }

        /** Also writes the ontology and the SHACL shapes, each in a graph of its own. */
        public Builder withOntology(boolean withOntology) {
            this.withOntology = withOntology;
            return this;
        }

        public Exporter build() {
            return new Exporter(this);
        }
    }
}
