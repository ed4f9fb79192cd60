package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;

/** What the crash tests compare a store with after a child JVM was killed or ran out of disk. */
final class CrashFixtures {

    private CrashFixtures() {
    }

    /** The articles of {@code in} by id; every file there must read. */
    static Map<String, Article> read(Path in) {
        Map<String, Article> articles = new TreeMap<>();
        try (var results = ArticleReader.create().read(List.of(in))) {
            results.forEach(result -> {
                Article article = ((ReadResult.Success) result).article();
                articles.put(article.id(), article);
            });
        }
        return articles;
    }

    /** The article's graph, converted here in memory. */
    static Graph convert(ArticleConverter converter, Article article) {
        Graph graph = GraphFactory.createDefaultGraph();
        converter.convert(article).stream().map(Quad::asTriple).forEach(graph::add);
        return graph;
    }

    /** Named graphs in the store, the ontology's included. */
    static long graphCount(GraphStore store) {
        return Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().listGraphNodes()));
    }
}
