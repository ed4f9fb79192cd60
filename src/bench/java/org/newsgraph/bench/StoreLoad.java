package org.newsgraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.rdf.NG;

/**
 * The store side of the benchmark: {@code replicate IN.nq COPIES OUT.nq} writes COPIES copies of
 * each article graph under new article ids (entities stay shared, as across real articles), for
 * {@code bench/run} to store with {@code newsgraph load} and with Jena's bulk loader.
 */
public final class StoreLoad {

    public static void main(String[] args) throws IOException {
        replicate(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
    }

    private static void replicate(Path in, int copies, Path out) throws IOException {
        Map<Node, List<Quad>> graphs = new LinkedHashMap<>();
        RDFDataMgr.loadDatasetGraph(in.toString()).find().forEachRemaining(
                q -> graphs.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q));
        long written = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, Lang.NQUADS);
            w.start();
            for (int k = 1; k <= copies; k++) {
                for (Map.Entry<Node, List<Quad>> e : graphs.entrySet()) {
                    String graph = e.getKey().getURI();
                    String renamed = graph + "-r" + k;
                    for (Quad q : e.getValue()) {
                        Node o = q.getPredicate().equals(NG.articleId.asNode())
                                ? NodeFactory.createLiteralString(q.getObject().getLiteralLexicalForm() + "-r" + k)
                                : rename(q.getObject(), graph, renamed);
                        w.quad(Quad.create(rename(q.getGraph(), graph, renamed), rename(q.getSubject(), graph, renamed),
                                q.getPredicate(), o));
                        written++;
                    }
                }
            }
            w.finish();
        }
        System.out.printf(Locale.ROOT, "replicated %d articles %d times: %d articles, %d quads in %s%n",
                graphs.size(), copies, graphs.size() * copies, written, out);
    }

    private static Node rename(Node n, String graph, String renamed) {
        if (n.isURI() && (n.getURI().equals(graph) || n.getURI().startsWith(graph + "/"))) {
            return NodeFactory.createURI(renamed + n.getURI().substring(graph.length()));
        }
        return n;
    }

    private StoreLoad() {
    }
}
