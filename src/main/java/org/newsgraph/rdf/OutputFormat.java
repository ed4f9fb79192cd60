package org.newsgraph.rdf;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.system.StreamRDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.newsgraph.error.BadInputException;

/** The serializations newsgraph writes, by their command-line names. */
public enum OutputFormat {
    NQUADS(RDFFormat.NQUADS),
    TRIG(RDFFormat.TRIG),
    TURTLE(RDFFormat.TURTLE),
    NTRIPLES(RDFFormat.NTRIPLES),
    JSONLD(RDFFormat.JSONLD),
    RDFXML(RDFFormat.RDFXML),
    /** RDF4J's binary format: the fastest to write and to load into RDF4J; Jena cannot read it. */
    BINARY(RDFFormat.BINARY);

    private final RDFFormat rio;

    OutputFormat(RDFFormat rio) {
        this.rio = rio;
    }

    RDFFormat rio() {
        return rio;
    }

    /** Whether the format keeps named graphs; the others get the union of all graphs. */
    public boolean keepsGraphs() {
        return rio.supportsContexts();
    }

    /** The usual file name extension, without the dot: "nq", "ttl", "jsonld", ... */
    public String fileExtension() {
        return rio.getDefaultFileExtension();
    }

    /**
     * A streaming writer of this format to {@code out}; the caller calls {@code start()} and
     * {@code finish()}. JSON-LD is compacted against newsgraph's context, graph by graph.
     */
    public StreamRDF newWriter(OutputStream out) {
        return this == JSONLD ? JsonLdStreamWriter.create(out) : RioStreamWriter.create(out, this);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code name} ("nquads", "jsonld", ...), or an error listing the choices. */
    public static OutputFormat named(String name) {
        for (OutputFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new BadInputException("unknown output format '" + name + "'; choose one of "
                + Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", ")));
    }
}
