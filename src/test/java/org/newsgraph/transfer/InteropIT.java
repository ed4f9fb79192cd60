package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.query.BoundQuery;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryResult;
import org.newsgraph.query.QueryTarget;
import org.newsgraph.server.NewsServer;
import org.newsgraph.store.GraphStore;

/**
 * The lossless path into other graph stores, end to end: {@code newsgraph push} copies a
 * database (the sample article, three made-up articles and one of awkward names) into a real
 * Virtuoso and a real RDF4J Server, by the Graph Store Protocol and by SPARQL Update; then every
 * canned query, run there, gives the same answers as on our own endpoint. Pushing again leaves
 * the target unchanged.
 */
class InteropIT {

    /** Parameters for the canned queries that need some; the others run on their defaults. */
    private static final Map<String, Map<String, String>> PARAMS = Map.of(
            "articles-mentioning", Map.of("entity", "Quill"),
            "entity-facts", Map.of("entity", "https://w3id.org/newsgraph/person/mara-quill"),
            "party-members", Map.of("party", "Harbour"),
            "possible-duplicates", Map.of("person", "Quill"),
            "statements-about", Map.of("topic", "budget"),
            "statements-by", Map.of("speaker", "Quill"),
            "timeline", Map.of("entity", "Quill"));

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    static Path db;
    /** Every canned query's answer from our own endpoint, over the database that is pushed. */
    static Map<String, List<String>> ourAnswers;
    /** The columns of each canned query that hold a computed boolean in our answers. */
    static Map<String, Set<String>> booleanColumns = Map.of();

    @BeforeAll
    static void ourEndpoint(@TempDir Path tmp) {
        db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            TransferFixtures.fill(store);
            // The server lets the database go before the pushes open it: one user at a time.
            try (NewsServer server = NewsServer.builder().store(store).port(0).build().start()) {
                booleanColumns = booleanColumns(QueryTarget.remote(server.sparqlUrl()));
                ourAnswers = answers(QueryTarget.remote(server.sparqlUrl()), Set.of());
            }
        }
    }

    static int push(StringWriter err, String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        SecondStore store;

        abstract SecondStore start(Path dir);

        /**
         * Whether this store may not answer a query within {@link #QUERY_TIMEOUT} when the
         * machine is busy; then every answer it gives must still agree, and at least three.
         */
        boolean mayTimeOut() {
            return false;
        }

        /** Canned queries not run on this store, because it cannot answer them in reasonable time or alike. */
        Set<String> notComparedHere() {
            return Set.of();
        }

        @BeforeAll
        void startStore(@TempDir Path dir) {
            store = start(dir);
        }

        @AfterAll
        void stopStore() {
            store.close();
        }

        private List<String> pushArgs(String protocol, String... more) {
            List<String> args = new ArrayList<>(List.of("push", "--db", db.toString(), "--protocol", protocol,
                    "--endpoint", protocol.equals("gsp") ? store.gspUrl() : store.updateUrl(),
                    "--journal", db.resolveSibling(store.name().replace(' ', '-') + "-" + protocol + ".journal").toString()));
            if (protocol.equals("update")) {
                args.addAll(List.of("--query-endpoint", store.queryUrl()));
            }
            store.credentials().ifPresent(c -> args.addAll(List.of("--user", c.user(), "--password-file", c.passwordFile().toString())));
            args.addAll(List.of(more));
            return args;
        }

        private void pushAndCompare(String protocol) {
            store.clear();
            StringWriter err = new StringWriter();
            int exit = push(err, pushArgs(protocol, "--fresh", "--with-ontology").toArray(String[]::new));
            assertEquals(Main.OK, exit, err.toString());
            int graphs = TransferFixtures.RESOURCES.length + 2 + 2; // synthetic.trig holds three articles
            assertTrue(err.toString().contains(graphs + " of " + graphs + " graphs verified"), err.toString());

            Map<String, List<String>> theirs = answers(QueryTarget.remote(store.queryUrl()), notComparedHere());
            Map<String, List<String>> mine = new TreeMap<>(ourAnswers);
            assertEquals(QueryCatalog.builtIn().queries().size(), mine.size());
            mine.keySet().removeAll(notComparedHere());
            Map<String, String> differ = new TreeMap<>();
            List<String> timedOut = new ArrayList<>();
            mine.forEach((name, rows) -> {
                if (mayTimeOut() && timedOut(theirs.get(name))) {
                    timedOut.add(name);
                } else if (!rows.equals(theirs.get(name))) {
                    differ.put(name, "ours " + rows + "\n  theirs " + theirs.get(name));
                }
            });
            assertTrue(differ.isEmpty(), store.name() + " answers differently:\n" + String.join("\n", differ.entrySet().stream()
                    .map(e -> e.getKey() + ":\n  " + e.getValue()).toList()));
            long compared = mine.entrySet().stream().filter(e -> !timedOut.contains(e.getKey()) && !e.getValue().isEmpty()).count();
            System.out.printf("%s, %s: %d canned queries with rows agree, %d timed out %s%n",
                    store.name(), protocol, compared, timedOut.size(), timedOut);
            assertTrue(compared >= (mayTimeOut() ? 3 : 10), "the comparison is not of empty or missing answers: " + compared
                    + " queries with rows agree; timed out: " + timedOut);

            StringWriter again = new StringWriter();
            assertEquals(Main.OK, push(again, pushArgs(protocol, "--fresh", "--with-ontology").toArray(String[]::new)), again.toString());
            Map<String, List<String>> afterAgain = answers(QueryTarget.remote(store.queryUrl()), notComparedHere());
            theirs.forEach((name, rows) -> {
                if (!(mayTimeOut() && (timedOut(rows) || timedOut(afterAgain.get(name))))) {
                    assertEquals(rows, afterAgain.get(name), name + ": pushing twice leaves the target unchanged");
                }
            });
        }

        @Test
        void graphStoreProtocolPushGivesTheSameAnswersToEveryCannedQuery() {
            pushAndCompare("gsp");
        }

        @Test
        void sparqlUpdatePushGivesTheSameAnswersToEveryCannedQuery() {
            pushAndCompare("update");
        }
    }

    @Nested
    class Virtuoso extends Contract {
        @Override
        SecondStore start(Path dir) {
            return VirtuosoStore.start(dir);
        }

        /**
         * Virtuoso 7.2 leaves out role-conflicts' "former, then held" pair (a "two parties" one
         * it gives). roles and role-changes, once left out as too slow, answer in seconds since
         * long queries go as a form: what hung was Virtuoso on an application/sparql-query body.
         */
        @Override
        Set<String> notComparedHere() {
            return Set.of("role-conflicts");
        }

        /** On a machine shared with other builds, Virtuoso is slow to answer now and then. */
        @Override
        boolean mayTimeOut() {
            return true;
        }
    }

    @Nested
    class Rdf4jServer extends Contract {
        @Override
        SecondStore start(Path dir) {
            return Rdf4jServerStore.start(dir);
        }
    }

    private static boolean timedOut(List<String> answer) {
        return answer != null && answer.size() == 1 && answer.get(0).startsWith("failed:") && answer.get(0).contains("timed out");
    }

    /** Every canned query's rows, each row in a store-neutral form, sorted. */
    private static Map<String, List<String>> answers(QueryTarget target, Set<String> leftOut) {
        Map<String, List<String>> answers = new TreeMap<>();
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            if (leftOut.contains(q.name())) {
                continue;
            }
            BoundQuery bound = q.bind(PARAMS.getOrDefault(q.name(), Map.of()));
            QueryResult result;
            try {
                result = target.withTimeout(QUERY_TIMEOUT).run(bound);
            } catch (NewsgraphException e) {
                // Recorded as the answer, so that one comparison lists every query that differs.
                answers.put(q.name(), List.of("failed: " + e.getMessage()));
                continue;
            }
            if (result instanceof QueryResult.Rows rows) {
                Set<String> lists = concatenated(q.text());
                Set<String> booleans = booleanColumns.getOrDefault(q.name(), Set.of());
                answers.put(q.name(), rows.rows().stream().map(b -> row(rows.variables(), lists, booleans, b)).sorted().toList());
            } else if (result instanceof QueryResult.Triples triples) {
                answers.put(q.name(), triples.graph().find().mapWith(t -> neutral(t.getSubject()) + " " + t.getPredicate()
                        + " " + neutral(t.getObject())).toList().stream().sorted().toList());
            }
        }
        return answers;
    }

    /**
     * The result columns a query makes with {@code GROUP_CONCAT}. SPARQL leaves the order of the
     * joined values open, and stores differ on an empty group (Jena leaves the column unbound,
     * Virtuoso and RDF4J give ""), so such a column compares as a sorted list.
     */
    private static Set<String> concatenated(String query) {
        Matcher m = Pattern.compile("GROUP_CONCAT\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s+AS\\s+\\?(\\w+)", Pattern.CASE_INSENSITIVE)
                .matcher(query);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Per query, the columns whose values in our answers are all xsd:boolean. */
    private static Map<String, Set<String>> booleanColumns(QueryTarget ours) {
        Map<String, Set<String>> columns = new TreeMap<>();
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            if (ours.run(q.bind(PARAMS.getOrDefault(q.name(), Map.of()))) instanceof QueryResult.Rows rows) {
                Set<String> booleans = new TreeSet<>();
                for (String v : rows.variables()) {
                    List<Node> values = rows.rows().stream().map(b -> b.get(Var.alloc(v))).filter(n -> n != null).toList();
                    if (!values.isEmpty() && values.stream().allMatch(n -> n.isLiteral()
                            && XSDDatatype.XSDboolean.getURI().equals(n.getLiteralDatatypeURI()))) {
                        booleans.add(v);
                    }
                }
                columns.put(q.name(), booleans);
            }
        }
        return columns;
    }

    private static String row(List<String> variables, Set<String> lists, Set<String> booleans, Binding b) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String v : variables) {
            Node n = b.get(Var.alloc(v));
            if (n != null && booleans.contains(v) && n.isLiteral()
                    && XSDDatatype.XSDinteger.getURI().equals(n.getLiteralDatatypeURI())) {
                // Virtuoso gives the value of a boolean expression (BIND(REGEX(...) AS ?x)) as 1 or 0.
                cells.put(v, n.getLiteralLexicalForm().equals("1") + "^^boolean");
            } else if (lists.contains(v)) {
                String joined = n == null ? "" : n.getLiteralLexicalForm();
                cells.put(v, joined.isEmpty() ? "[]" : Arrays.stream(joined.split("; ")).sorted().toList().toString());
            } else {
                cells.put(v, n == null ? "" : neutral(n));
            }
        }
        return cells.toString();
    }

    /**
     * A term as any store gives it back: Virtuoso writes decimals canonically ("1" for "1.0")
     * and booleans as 1 and 0 in JSON results; the values are the same, so they compare by value.
     */
    private static String neutral(Node n) {
        if (!n.isLiteral()) {
            return n.toString();
        }
        String type = n.getLiteralDatatypeURI();
        String lexical = n.getLiteralLexicalForm();
        if (XSDDatatype.XSDdecimal.getURI().equals(type)) {
            return new BigDecimal(lexical).stripTrailingZeros().toPlainString() + "^^decimal";
        }
        if (XSDDatatype.XSDboolean.getURI().equals(type)) {
            return (lexical.equals("1") || lexical.equals("true")) + "^^boolean";
        }
        return n.toString();
    }
}
