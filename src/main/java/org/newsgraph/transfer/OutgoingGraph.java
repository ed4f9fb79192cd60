package org.newsgraph.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * One graph on its way to another store.
 *
 * @param id          the article id, or {@code "ontology"} / {@code "shapes"}
 * @param name        the graph's IRI
 * @param triples     its triples, a copy taken from the store
 * @param fingerprint a digest of the triples, the same for the same triples in any order, so a
 *                    resumed push knows what it sent before and that it has not changed since
 */
record OutgoingGraph(String id, Node name, Graph triples, String fingerprint) {

    OutgoingGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(triples, "triples");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    static OutgoingGraph of(String id, Node name, Graph triples) {
        return new OutgoingGraph(id, name, triples, fingerprint(triples));
    }

    long size() {
        return triples.size();
    }

    /**
     * SHA-256 of the sorted N-Triples lines. Blank nodes count by position only: their labels
     * change each time a file is parsed, and the graphs newsgraph pushes have few of them.
     */
    static String fingerprint(Graph graph) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        graph.find().mapWith(OutgoingGraph::line).toList().stream().sorted()
                .forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String line(Triple t) {
        return term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject());
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:b" : NodeFmtLib.strNT(n);
    }
}
