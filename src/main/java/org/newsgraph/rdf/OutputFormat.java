package org.newsgraph.rdf;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.newsgraph.NewsgraphException;

/** The serializations newsgraph writes, by their command-line names. */
public enum OutputFormat {
    NQUADS(RDFFormat.NQUADS),
    TRIG(RDFFormat.TRIG),
    TURTLE(RDFFormat.TURTLE),
    NTRIPLES(RDFFormat.NTRIPLES),
    JSONLD(RDFFormat.JSONLD),
    RDFXML(RDFFormat.RDFXML);

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
        throw new NewsgraphException("unknown output format '" + name + "'; choose one of "
                + Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", ")));
    }
}
