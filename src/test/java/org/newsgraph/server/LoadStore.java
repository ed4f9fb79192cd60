package org.newsgraph.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.ArticleGraph;
import org.newsgraph.store.GraphStore;

/** A large store for {@link LoadIT}: one article's graph stored again under new ids. */
final class LoadStore {

    private static final int BATCH = 200;

    private LoadStore() {
    }

    /**
     * Stores {@code copies} copies of article {@code id}'s graph as articles {@code id-r1} and
     * on: the article node and the nodes under its IRI renamed, the entities shared, as in a
     * corpus where the same persons come back article after article.
     */
    static void replicate(GraphStore store, String id, int copies) {
        Graph graph = store.findArticleGraph(id).orElseThrow();
        String name = store.graphName(id).getURI();
        List<ArticleGraph> batch = new ArrayList<>();
        for (int k = 1; k <= copies; k++) {
            String copy = id + "-r" + k;
            String renamed = store.graphName(copy).getURI();
            Node g = NodeFactory.createURI(renamed);
            List<Quad> quads = new ArrayList<>();
            String hash = null;
            for (Triple t : graph.find().toList()) {
                Node o = t.getPredicate().equals(NG.articleId.asNode()) ? NodeFactory.createLiteralString(copy)
                        : rename(t.getObject(), name, renamed);
                if (t.getPredicate().equals(NG.contentHash.asNode())) {
                    hash = t.getObject().getLiteralLexicalForm();
                }
                quads.add(Quad.create(g, rename(t.getSubject(), name, renamed), t.getPredicate(), o));
            }
            batch.add(new ArticleGraph(copy, hash, quads));
            if (batch.size() == BATCH || k == copies) {
                store.putAll(batch);
                batch.clear();
            }
        }
    }

    private static Node rename(Node n, String from, String to) {
        if (n.isURI() && n.getURI().startsWith(from)) {
            return NodeFactory.createURI(to + n.getURI().substring(from.length()));
        }
        return n;
    }
}
