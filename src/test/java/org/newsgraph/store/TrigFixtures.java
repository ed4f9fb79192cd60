package org.newsgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.rdf.NG;

/** Stores filled from TriG test resources whose named graphs are articles, as the converter writes them. */
public final class TrigFixtures {

    private TrigFixtures() {
    }

    /** The TriG class-path resource {@code resource} (e.g. {@code "/query/sample.trig"}). */
    public static DatasetGraph read(String resource) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = TrigFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dsg;
    }

    /** Puts each named graph of {@code data} into {@code store} as the article it describes. */
    public static void load(GraphStore store, DatasetGraph data) {
        List<Node> graphs = new ArrayList<>();
        data.listGraphNodes().forEachRemaining(graphs::add);
        for (Node g : graphs) {
            List<Quad> quads = new ArrayList<>();
            data.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            store.put(literal(data, g, NG.articleId.asNode()), literal(data, g, NG.contentHash.asNode()), quads);
        }
    }

    /**
     * {@code copies} copies of every article graph of {@code data}, each under a new article id
     * ({@code ID-cN}): the article's IRI, its fact IRIs and its {@code ng:articleId} change, the
     * entities stay shared, as they are between real articles.
     */
    public static DatasetGraph replicated(DatasetGraph data, int copies) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        List<Node> graphs = new ArrayList<>();
        data.listGraphNodes().forEachRemaining(graphs::add);
        for (int c = 1; c <= copies; c++) {
            String suffix = "-c" + c;
            for (Node g : graphs) {
                String article = g.getURI();
                String id = literal(data, g, NG.articleId.asNode());
                java.util.function.UnaryOperator<Node> rename = n -> {
                    if (n.isURI() && (n.getURI().equals(article) || n.getURI().startsWith(article + "/"))) {
                        return org.apache.jena.graph.NodeFactory.createURI(article + suffix + n.getURI().substring(article.length()));
                    }
                    if (n.isLiteral() && n.getLiteralLexicalForm().equals(id)) {
                        return org.apache.jena.graph.NodeFactory.createLiteralString(id + suffix);
                    }
                    return n;
                };
                data.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(rename.apply(q.getGraph()),
                        rename.apply(q.getSubject()), q.getPredicate(), rename.apply(q.getObject())));
            }
        }
        return out;
    }

    private static String literal(DatasetGraph data, Node graph, Node property) {
        return data.find(graph, graph, property, Node.ANY).next().getObject().getLiteralLexicalForm();
    }
}
