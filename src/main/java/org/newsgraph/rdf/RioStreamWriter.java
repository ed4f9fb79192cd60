package org.newsgraph.rdf;

import java.io.OutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;

/**
 * A Jena {@link StreamRDF} that writes through an RDF4J Rio writer, streaming: nothing is
 * held in memory. Formats without named graphs receive each quad as a triple.
 *
 * <pre>{@code
 * StreamRDF out = RioStreamWriter.create(System.out, OutputFormat.TRIG);
 * out.start(); mapper.map(facts, out); out.finish();
 * }</pre>
 */
public final class RioStreamWriter implements StreamRDF {

    private final RDFWriter writer;
    private final boolean quads;
    private final ValueFactory values = SimpleValueFactory.getInstance();

    private RioStreamWriter(RDFWriter writer, boolean quads) {
        this.writer = writer;
        this.quads = quads;
    }

    /** A writer of {@code format}, pretty-printed where the format allows it. */
    public static RioStreamWriter create(OutputStream out, OutputFormat format) {
        RDFWriter writer = Rio.createWriter(format.rio(), out);
        WriterConfig config = writer.getWriterConfig();
        config.set(BasicWriterSettings.PRETTY_PRINT, true);
        return new RioStreamWriter(writer, format.keepsGraphs());
    }

    /** Adapts a configured Rio writer; {@code quads} false sends every quad as a triple. */
    static RioStreamWriter wrap(RDFWriter writer, boolean quads) {
        return new RioStreamWriter(writer, quads);
    }

    @Override
    public void start() {
        writer.startRDF();
        writer.handleNamespace("ng", NG.NS);
        writer.handleNamespace("rdfs", RDFS.getURI());
        writer.handleNamespace("skos", SKOS.getURI());
        writer.handleNamespace("xsd", XSD.getURI());
        writer.handleNamespace("dcterms", DCTerms.getURI());
        writer.handleNamespace("owl", OWL.getURI());
        writer.handleNamespace("schema", "https://schema.org/");
    }

    @Override
    public void triple(Triple t) {
        writer.handleStatement(values.createStatement(resource(t.getSubject()), iri(t.getPredicate()), value(t.getObject())));
    }

    @Override
    public void quad(Quad q) {
        if (!quads || q.isDefaultGraph()) {
            triple(q.asTriple());
            return;
        }
        writer.handleStatement(values.createStatement(resource(q.getSubject()), iri(q.getPredicate()),
                value(q.getObject()), resource(q.getGraph())));
    }

    @Override
    public void base(String base) {
        // Rio writers take no base from a stream; IRIs are written absolute.
    }

    @Override
    public void prefix(String prefix, String iri) {
        writer.handleNamespace(prefix, iri);
    }

    @Override
    public void finish() {
        writer.endRDF();
    }

    private IRI iri(Node n) {
        return values.createIRI(n.getURI());
    }

    private Resource resource(Node n) {
        return n.isBlank() ? values.createBNode(n.getBlankNodeLabel()) : iri(n);
    }

    private Value value(Node n) {
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                return values.createLiteral(n.getLiteralLexicalForm(), lang);
            }
            return values.createLiteral(n.getLiteralLexicalForm(), values.createIRI(n.getLiteralDatatypeURI()));
        }
        return resource(n);
    }
}
