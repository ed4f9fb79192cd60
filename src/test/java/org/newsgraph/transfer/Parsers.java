package org.newsgraph.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.newsgraph.rdf.OutputFormat;

/** Reads serialized RDF back, with Jena or with RDF4J, into a Jena dataset for comparison. */
public final class Parsers {

    private Parsers() {
    }

    /** The Jena language of {@code format}, or null for RDF4J's binary format, which Jena cannot read. */
    public static Lang jenaLang(OutputFormat format) {
        return switch (format) {
            case NQUADS -> Lang.NQUADS;
            case TRIG -> Lang.TRIG;
            case TURTLE -> Lang.TURTLE;
            case NTRIPLES -> Lang.NTRIPLES;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
            case BINARY -> null;
        };
    }

    static DatasetGraph withJena(byte[] bytes, OutputFormat format) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(jenaLang(format)).parse(dsg);
        return dsg;
    }

    static DatasetGraph withRdf4j(byte[] bytes, OutputFormat format) {
        RDFFormat rio = Rio.getParserFormatForMIMEType(mime(format)).orElseThrow();
        Model model;
        try {
            model = Rio.parse(new ByteArrayInputStream(bytes), "", rio);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (Statement st : model) {
            Node g = st.getContext() == null ? Quad.defaultGraphIRI : node(st.getContext());
            dsg.add(g, node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
        }
        return dsg;
    }

    private static String mime(OutputFormat format) {
        return switch (format) {
            case NQUADS -> RDFFormat.NQUADS.getDefaultMIMEType();
            case TRIG -> RDFFormat.TRIG.getDefaultMIMEType();
            case TURTLE -> RDFFormat.TURTLE.getDefaultMIMEType();
            case NTRIPLES -> RDFFormat.NTRIPLES.getDefaultMIMEType();
            case JSONLD -> RDFFormat.JSONLD.getDefaultMIMEType();
            case RDFXML -> RDFFormat.RDFXML.getDefaultMIMEType();
            case BINARY -> RDFFormat.BINARY.getDefaultMIMEType();
        };
    }

    private static Node node(Value v) {
        if (v instanceof IRI iri) {
            return NodeFactory.createURI(iri.stringValue());
        }
        if (v instanceof BNode b) {
            return NodeFactory.createBlankNode(b.getID());
        }
        Literal l = (Literal) v;
        return l.getLanguage().map(lang -> NodeFactory.createLiteralLang(l.getLabel(), lang))
                .orElseGet(() -> NodeFactory.createLiteralDT(l.getLabel(),
                        org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue())));
    }
}
