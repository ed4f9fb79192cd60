package org.newsgraph.rdf;

import java.io.IOException;
import java.io.InputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The ontology and the SHACL shapes shipped in the jar (from {@code ontology/}), and the names
 * of the graphs that carry them in a store or an export, so they travel with the data.
 */
public final class OntologyGraphs {

    /** The graph holding the ontology: the ontology's own IRI. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/newsgraph/ontology";
    /** The graph holding the SHACL shapes. */
    public static final String SHAPES_IRI = "https://w3id.org/newsgraph/shapes";

    public static final Node ONTOLOGY = NodeFactory.createURI(ONTOLOGY_IRI);
    public static final Node SHAPES = NodeFactory.createURI(SHAPES_IRI);

    private OntologyGraphs() {
    }

    /** A fresh copy of the ontology ({@code ontology/newsgraph.ttl}). */
    public static Graph ontology() {
        return load("/ontology/newsgraph.ttl");
    }

    /** A fresh copy of the SHACL shapes ({@code ontology/shapes.ttl}). */
    public static Graph shapes() {
        return load("/ontology/shapes.ttl");
    }

    private static Graph load(String resource) {
        try (InputStream in = OntologyGraphs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path: the build copies "
                        + "ontology/ into the jar; rebuild it");
            }
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            return graph;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the class path", e);
        }
    }
}
