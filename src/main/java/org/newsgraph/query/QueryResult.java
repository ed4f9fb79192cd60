package org.newsgraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.newsgraph.rdf.NG;

/**
 * The whole result of one query, held in memory: rows (SELECT), a yes/no answer (ASK) or a graph
 * (CONSTRUCT, DESCRIBE). Write it with {@link #write} in any {@link ResultFormat}.
 */
public sealed interface QueryResult permits QueryResult.Rows, QueryResult.Answer, QueryResult.Triples {

    /** Prefixes the text table always uses, so that typed values read "2025-02-09"^^xsd:date. */
    Map<String, String> TABLE_PREFIXES = Map.of("xsd", XSD.NS, "rdf", RDF.uri, "rdfs", RDFS.uri, "ng", NG.NS);

    /** Writes the result to {@code out} in {@code format}; {@code out} stays open. */
    void write(OutputStream out, ResultFormat format);

    /** The number of rows, of triples, or 1 for an answer. */
    long size();

    /** What {@link #size} counts, for a summary line: "5 rows", "12 triples", "answer". */
    String summary();

    /**
     * The rows of a SELECT query.
     *
     * @param variables the result columns, in query order
     * @param rows      the rows; a variable a row leaves unbound is absent from it
     * @param prefixes  prefix to namespace, from the query, to shorten IRIs in the text table
     */
    record Rows(List<String> variables, List<Binding> rows, Map<String, String> prefixes) implements QueryResult {

        public Rows {
            variables = List.copyOf(variables);
            rows = List.copyOf(rows);
            prefixes = Map.copyOf(prefixes);
        }

        /**
         * Each row as column to value: an IRI's string, a literal's lexical form, a blank node's
         * label; unbound columns are absent. Handy for tests and simple consumers.
         */
        public List<Map<String, String>> values() {
            return rows.stream().map(b -> {
                Map<String, String> row = new LinkedHashMap<>();
                for (String v : variables) {
                    Node n = b.get(Var.alloc(v));
                    if (n != null) {
                        row.put(v, lexical(n));
                    }
                }
                return Map.copyOf(row);
            }).toList();
        }

        /** The values of one column, in row order; an unbound cell is {@code null}. */
        public List<String> column(String variable) {
            if (!variables.contains(variable)) {
                throw new IllegalArgumentException("no column " + variable + " in " + variables);
            }
            return rows.stream().map(b -> b.get(Var.alloc(variable))).map(n -> n == null ? null : lexical(n)).toList();
        }

        /** The rows as a Jena row set, read once. */
        public RowSet rowSet() {
            return RowSetStream.create(variables.stream().map(Var::alloc).toList(), rows.iterator());
        }

        @Override
        public void write(OutputStream out, ResultFormat format) {
            ResultSet rs = ResultSet.adapt(rowSet());
            if (format == ResultFormat.TABLE) {
                PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(TABLE_PREFIXES).setNsPrefixes(prefixes);
                ResultSetFormatter.out(out, rs, pm);
            } else {
                ResultSetMgr.write(out, rs, lang(format));
            }
            flush(out);
        }

        @Override
        public long size() {
            return rows.size();
        }

        @Override
        public String summary() {
            return rows.size() + (rows.size() == 1 ? " row" : " rows");
        }

        private static String lexical(Node n) {
            if (n.isURI()) {
                return n.getURI();
            }
            if (n.isLiteral()) {
                return n.getLiteralLexicalForm();
            }
            return n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
        }
    }

    /** The answer of an ASK query. */
    record Answer(boolean value) implements QueryResult {

        @Override
        public void write(OutputStream out, ResultFormat format) {
            if (format == ResultFormat.TABLE) {
                try {
                    out.write((value + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                ResultSetMgr.write(out, value, lang(format));
            }
            flush(out);
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public String summary() {
            return "answer " + value;
        }
    }

    /**
     * The graph of a CONSTRUCT or DESCRIBE query.
     *
     * @param graph    the triples (a copy is kept)
     * @param prefixes  prefix to namespace, from the query, for the Turtle output
     * @param truncated whether the graph was cut at a limit on triples ({@link QueryLimits#triples})
     */
    record Triples(Graph graph, Map<String, String> prefixes, boolean truncated) implements QueryResult {

        /** A whole graph, not cut. */
        public Triples(Graph graph, Map<String, String> prefixes) {
            this(graph, prefixes, false);
        }

        public Triples {
            Graph copy = GraphFactory.createDefaultGraph();
            Objects.requireNonNull(graph, "graph").find().forEach(copy::add);
            copy.getPrefixMapping().setNsPrefixes(TABLE_PREFIXES);
            copy.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping().getNsPrefixMap());
            copy.getPrefixMapping().setNsPrefixes(prefixes);
            graph = copy;
            prefixes = Map.copyOf(prefixes);
        }

        /** A copy of the graph. */
        @Override
        public Graph graph() {
            Graph copy = GraphFactory.createDefaultGraph();
            graph.find().forEach(copy::add);
            copy.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
            return copy;
        }

        @Override
        public void write(OutputStream out, ResultFormat format) {
            RDFFormat rdf = switch (format) {
                case JSON -> RDFFormat.JSONLD;
                case XML -> RDFFormat.RDFXML;
                default -> RDFFormat.TURTLE_PRETTY;
            };
            RDFDataMgr.write(out, graph, rdf);
            flush(out);
        }

        @Override
        public long size() {
            return graph.size();
        }

        @Override
        public String summary() {
            return graph.size() + (graph.size() == 1 ? " triple" : " triples");
        }
    }

    private static Lang lang(ResultFormat format) {
        return switch (format) {
            case CSV -> ResultSetLang.RS_CSV;
            case TSV -> ResultSetLang.RS_TSV;
            case JSON -> ResultSetLang.RS_JSON;
            case XML -> ResultSetLang.RS_XML;
            case TABLE -> ResultSetLang.RS_Text;
        };
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
