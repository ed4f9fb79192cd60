package org.newsgraph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.error.ConfigurationException;

/**
 * Checks an article graph against the SHACL shapes shipped in the jar
 * ({@code ontology/shapes.ttl}).
 */
public final class ShapeCheck {

    private static final String SHAPES = "/ontology/shapes.ttl";
    private static final Shapes SHIPPED = load();

    private ShapeCheck() {
    }

    /** The validation report of one article's graph. */
    public static ValidationReport validate(Graph articleGraph) {
        return ShaclValidator.get().validate(SHIPPED, articleGraph);
    }

    private static Shapes load() {
        try (InputStream in = ShapeCheck.class.getResourceAsStream(SHAPES)) {
            if (in == null) {
                throw new ConfigurationException(SHAPES + " is missing from the build");
            }
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return Shapes.parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
