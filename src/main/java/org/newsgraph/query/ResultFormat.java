package org.newsgraph.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;

/**
 * How a {@link QueryResult} is written. Rows and yes/no answers use the SPARQL results formats;
 * a graph (CONSTRUCT, DESCRIBE) is written as Turtle for {@link #TABLE}, {@link #CSV} and
 * {@link #TSV}, as JSON-LD for {@link #JSON} and as RDF/XML for {@link #XML}.
 */
public enum ResultFormat {

    /** A text table for people (Jena's), {@code true}/{@code false} for an answer. */
    TABLE("txt", "text/plain"),
    /** SPARQL 1.1 CSV results. */
    CSV("csv", "text/csv"),
    /** SPARQL 1.1 TSV results. */
    TSV("tsv", "text/tab-separated-values"),
    /** SPARQL 1.1 JSON results. */
    JSON("json", "application/sparql-results+json"),
    /** SPARQL XML results. */
    XML("xml", "application/sparql-results+xml");

    private final String extension;
    private final String mediaType;

    ResultFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /**
     * The format called {@code name} (any case): table, csv, tsv, json or xml.
     *
     * @throws NewsgraphException listing the formats when there is none by that name
     */
    public static ResultFormat named(String name) {
        for (ResultFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new BadInputException("unknown result format '" + name + "'; the formats are "
                + Arrays.stream(values()).map(ResultFormat::cliName).collect(Collectors.joining(", ")));
    }

    /** The name on the command line: {@code table}, {@code csv}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file extension for {@code result} in this format, without the dot. */
    public String extension(QueryResult result) {
        if (result instanceof QueryResult.Triples) {
            return switch (this) {
                case JSON -> "jsonld";
                case XML -> "rdf";
                default -> "ttl";
            };
        }
        return extension;
    }

    /** The media type of {@code result} in this format, for an HTTP response. */
    public String mediaType(QueryResult result) {
        if (result instanceof QueryResult.Triples) {
            return switch (this) {
                case JSON -> "application/ld+json";
                case XML -> "application/rdf+xml";
                default -> "text/turtle";
            };
        }
        return mediaType;
    }
}
