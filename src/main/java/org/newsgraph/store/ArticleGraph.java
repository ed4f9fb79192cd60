package org.newsgraph.store;

import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.rdf.NG;

/**
 * The graph of one article on its way into a {@link GraphStore}: its id, the content hash of
 * its text and its quads, all in the article's named graph.
 */
public record ArticleGraph(String articleId, String contentHash, List<Quad> quads) {

    public ArticleGraph {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(contentHash, "contentHash");
        quads = List.copyOf(quads);
    }

    /**
     * Checks what the store relies on: every quad is in {@code graph}, and the graph gives the
     * article its {@code ng:articleId} and {@code ng:contentHash}, once each.
     *
     * @throws NewsgraphException naming the article and what is wrong
     */
    void requireIn(Node graph) {
        String what = "article '" + articleId + "'";
        List<Quad> elsewhere = quads.stream().filter(q -> !graph.equals(q.getGraph())).toList();
        if (!elsewhere.isEmpty()) {
            throw new NewsgraphException(what + ": " + elsewhere.size() + " of " + quads.size()
                    + " quads are not in its graph <" + graph.getURI() + ">, for example " + elsewhere.get(0)
                    + "; nothing was stored");
        }
        requireOnly(what, graph, NG.articleId, articleId);
        requireOnly(what, graph, NG.contentHash, contentHash);
    }

    /** The graph must say {@code <graph> property "value"}, and give no other value. */
    private void requireOnly(String what, Node graph, Property property, String value) {
        List<Node> values = quads.stream()
                .filter(q -> graph.equals(q.getSubject()) && property.asNode().equals(q.getPredicate()))
                .map(Quad::getObject).distinct().toList();
        boolean ok = values.size() == 1 && values.get(0).isLiteral() && values.get(0).getLiteralLexicalForm().equals(value);
        if (!ok) {
            throw new NewsgraphException(what + ": its graph must state " + property.getLocalName() + " \"" + value
                    + "\" of the article once, but has " + values + "; nothing was stored");
        }
    }
}
