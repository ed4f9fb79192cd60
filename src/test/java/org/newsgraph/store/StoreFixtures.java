package org.newsgraph.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.read.Article;

/** Hand-made article graphs and an annotator that finds nothing, for tests without NLP models. */
final class StoreFixtures {

    static final IriMinter IRIS = IriMinter.standard();

    /** Finds no sentences, so the converter writes only the article node. */
    static final Annotator NO_NLP = (text, date) ->
            new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());

    private StoreFixtures() {
    }

    static Article article(String id, String text) {
        return Article.of(id, LocalDate.of(2025, 2, 9), text);
    }

    static Node graphOf(String id) {
        return IRIS.article(id);
    }

    /**
     * The graph of {@code article} as the converter would shape it: the article node with its id
     * and hash, and for each person a label and a mention.
     */
    static List<Quad> quads(Article article, String... persons) {
        Node g = graphOf(article.id());
        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(g, g, RDF.type.asNode(), NG.Article.asNode()));
        quads.add(Quad.create(g, g, NG.articleId.asNode(), NodeFactory.createLiteralString(article.id())));
        quads.add(Quad.create(g, g, NG.contentHash.asNode(), NodeFactory.createLiteralString(article.contentHash())));
        for (String name : persons) {
            Node person = NodeFactory.createURI(IriMinter.DEFAULT_BASE + "person/" + name.toLowerCase().replace(' ', '-'));
            quads.add(Quad.create(g, g, NG.mentions.asNode(), person));
            quads.add(Quad.create(g, person, RDF.type.asNode(), NG.Person.asNode()));
            quads.add(Quad.create(g, person, RDFS.label.asNode(), NodeFactory.createLiteralString(name)));
        }
        return List.copyOf(quads);
    }
}
