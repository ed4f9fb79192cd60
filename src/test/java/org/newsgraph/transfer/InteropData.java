package org.newsgraph.transfer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateSendMode;
import org.apache.jena.sparql.graph.GraphFactory;

/** Small graphs, literal cases and update helpers for the second-store tests. */
final class InteropData {

    static final String EX = "http://example.org/interop/";
    static final String XSD = XSDDatatype.XSD + "#";
    static final String GRAPH_A = EX + "graph/a";
    static final String GRAPH_B = EX + "graph/b";
    static final String LITERAL_SUBJECT = EX + "literals";

    /** Two small article-like graphs sharing one triple (the label of person-1), as articles do. */
    static final String TTL_A = """
            @prefix ex: <http://example.org/interop/> .
            ex:article-a ex:mentions ex:person-1 , ex:org-1 ; ex:title "Article A" .
            ex:person-1 ex:label "Person One" .
            """;
    static final String TTL_B = """
            @prefix ex: <http://example.org/interop/> .
            ex:article-b ex:mentions ex:person-1 ; ex:title "Article B" .
            ex:person-1 ex:label "Person One" .
            """;

    /** The literal cases in Turtle syntax, by predicate local name: the datatypes newsgraph writes and awkward text. */
    static final Map<String, String> LITERALS = literals();

    private InteropData() {
    }

    private static Map<String, String> literals() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", "\"2025-02-09\"^^<" + XSD + "date>");
        m.put("gYear", "\"2025\"^^<" + XSD + "gYear>");
        m.put("gYearMonth", "\"2025-02\"^^<" + XSD + "gYearMonth>");
        m.put("decimal", "\"0.85\"^^<" + XSD + "decimal>");
        m.put("decimalOne", "\"1.0\"^^<" + XSD + "decimal>");
        m.put("decimalTrailingZero", "\"1.50\"^^<" + XSD + "decimal>");
        m.put("booleanTrue", "\"true\"^^<" + XSD + "boolean>");
        m.put("booleanFalse", "\"false\"^^<" + XSD + "boolean>");
        m.put("integer", "\"42\"^^<" + XSD + "integer>");
        m.put("negativeInteger", "\"-7\"^^<" + XSD + "integer>");
        m.put("quotes", "\"He said \\\"no\\\" and 'yes'\"");
        m.put("tripleQuotes", "\"before \\\"\\\"\\\" after\"");
        m.put("angleBrackets", "\"<script>alert('x')</script> & <b>bold</b>\"");
        m.put("arabic", "\"\u0627\u0644\u0627\u0646\u062a\u062e\u0627\u0628\u0627\u062a \u0641\u064a \u0643\u0631\u0627\u062a\u0634\u064a\"");
        m.put("emoji", "\"ballot \uD83D\uDDF3\uFE0F and smile \uD83D\uDE00\"");
        m.put("newlineAndTab", "\"line one\\nline\\ttwo\"");
        return m;
    }

    /** The ways Jena's client can send SPARQL Update, and one that sidesteps charset trouble. */
    enum UpdateWay {
        /** Jena's default: the update as the body, {@code Content-Type: application/sparql-update} without charset. */
        BODY {
            @Override
            void send(SecondStore store, String update) {
                UpdateExecHTTP.service(store.updateUrl()).sendMode(UpdateSendMode.asPost).update(update).execute();
            }
        },
        /** As {@link #BODY}, but every non-ASCII character written as a SPARQL {@code \\u} escape. */
        BODY_ASCII_ESCAPED {
            @Override
            void send(SecondStore store, String update) {
                UpdateExecHTTP.service(store.updateUrl()).sendMode(UpdateSendMode.asPost)
                        .updateString(asciiEscaped(update)).execute();
            }
        },
        /** An HTML form post: {@code update=...}, URL-encoded UTF-8. */
        FORM {
            @Override
            void send(SecondStore store, String update) {
                UpdateExecHTTP.service(store.updateUrl()).sendMode(UpdateSendMode.asPostForm).update(update).execute();
            }
        };

        abstract void send(SecondStore store, String update);
    }

    /** SPARQL text with every character outside ASCII as {@code \\uXXXX} or {@code \\UXXXXXXXX}. */
    static String asciiEscaped(String sparql) {
        StringBuilder out = new StringBuilder(sparql.length());
        sparql.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.append((char) c);
            } else if (c <= 0xFFFF) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append(String.format("\\U%08X", c));
            }
        });
        return out.toString();
    }

    /** Text as it reads after its UTF-8 bytes were decoded as ISO-8859-1. */
    static String mojibake(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String literalTurtle() {
        StringBuilder ttl = new StringBuilder();
        LITERALS.forEach((key, literal) -> ttl.append('<').append(LITERAL_SUBJECT).append("> <").append(EX).append(key)
                .append("> ").append(literal).append(" .\n"));
        return ttl.toString();
    }

    /** {@code INSERT DATA} of a Turtle graph into {@code graph}, the triples in N-Triples form. */
    static String insertData(String graph, String turtle) {
        StringBuilder triples = new StringBuilder();
        turtle(turtle).find().forEach(t -> triples.append(NodeFmtLib.strNT(t.getSubject())).append(' ')
                .append(NodeFmtLib.strNT(t.getPredicate())).append(' ').append(NodeFmtLib.strNT(t.getObject())).append(" .\n"));
        return "INSERT DATA { GRAPH <" + graph + "> {\n" + triples + "} }";
    }

    /** About 540 kB of {@code INSERT DATA}: 2,500 triples of ~200 characters each. */
    static String halfAMegabyteUpdate(String graph) {
        StringBuilder triples = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            triples.append('<').append(EX).append('s').append(i).append("> <").append(EX).append("p> \"")
                    .append("x".repeat(180)).append(i).append("\" .\n");
        }
        return "INSERT DATA { GRAPH <" + graph + "> {\n" + triples + "} }";
    }

    static Graph turtle(String ttl) {
        return RDFParser.fromString(ttl, Lang.TURTLE).toGraph();
    }

    static Graph union(String... turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        for (String ttl : turtle) {
            turtle(ttl).find().forEach(g::add);
        }
        return g;
    }

    static Graph graph(List<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        triples.forEach(g::add);
        return g;
    }

    static List<Triple> triples(RowSet rows) {
        return rows.stream().map(r -> Triple.create(r.get("s"), r.get("p"), r.get("o"))).toList();
    }

    /** The node a Turtle term stands for. */
    static Node node(String turtleTerm) {
        return turtle("<" + EX + "s> <" + EX + "p> " + turtleTerm + " .").find().next().getObject();
    }

    /** Turtle terms in N-Triples form, so that equal terms compare equal as strings. */
    static Map<String, String> ntriples(Map<String, String> turtleTerms) {
        Map<String, String> out = new LinkedHashMap<>();
        turtleTerms.forEach((k, v) -> out.put(k, NodeFmtLib.strNT(node(v))));
        return out;
    }
}
