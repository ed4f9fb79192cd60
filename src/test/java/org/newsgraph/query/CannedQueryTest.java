package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.error.NewsgraphException;

/** Reading a query file's header, and binding parameters by type. */
class CannedQueryTest {

    static final String PREFIX = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n";

    static final String ROLES = """
            # title: Roles in a party
            # description: Who holds which role in an organization,
            #   with the article that reports it.
            # param: party : string : Name (or part of a name) of the party
            # param: asOf : date = "" : Only roles reported on or before this date
            # param: limit : integer = 10 : At most this many
            # param: former : boolean = false : Former roles too
            # param: who : iri = "" : One person
            # param: minConfidence : decimal = "0.5" : Facts at least this sure

            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            SELECT ?title WHERE {
              ?p ng:holdsRole ?r . ?r ng:title ?title ; ng:confidence ?c .
              OPTIONAL { ?r ng:former ?f }
              FILTER(CONTAINS(?title, ?_party) && ?c >= ?_minConfidence)
              FILTER(!BOUND(?_asOf) || ?d <= ?_asOf)
              FILTER(!BOUND(?_who) || ?p = ?_who)
              FILTER(?_former || !COALESCE(?f, false))
              FILTER(?_limit > 0)
            }
            """;

    static CannedQuery roles() {
        return CannedQuery.parse("roles-in-party", ROLES);
    }

    @Test
    void readsTitleDescriptionOverSeveralLinesAndTypedParameters() {
        CannedQuery q = roles();

        assertEquals("roles-in-party", q.name());
        assertEquals("Roles in a party", q.title());
        assertEquals("Who holds which role in an organization, with the article that reports it.", q.description());
        assertEquals(QueryType.SELECT, q.queryType());
        assertEquals(List.of(
                Parameter.required("party", ParamType.STRING, "Name (or part of a name) of the party"),
                Parameter.optional("asOf", ParamType.DATE, "", "Only roles reported on or before this date"),
                Parameter.optional("limit", ParamType.INTEGER, "10", "At most this many"),
                Parameter.optional("former", ParamType.BOOLEAN, "false", "Former roles too"),
                Parameter.optional("who", ParamType.IRI, "", "One person"),
                Parameter.optional("minConfidence", ParamType.DECIMAL, "0.5", "Facts at least this sure")),
                q.parameters());
        assertTrue(q.parameters().get(0).isRequired());
        assertFalse(q.parameters().get(1).isRequired());
    }

    @Test
    void bindsEachValueAsATermOfItsType() {
        BoundQuery b = roles().bind(Map.of("party", "MQM", "asOf", "2025-02-08", "limit", " 5 ", "former", "TRUE",
                "who", "https://w3id.org/newsgraph/person/farooq-sattar"));

        assertEquals(NodeFactory.createLiteralString("MQM"), b.values().get("party"));
        assertEquals(NodeFactory.createLiteralDT("2025-02-08", XSDDatatype.XSDdate), b.values().get("asOf"));
        assertEquals(NodeFactory.createLiteralDT("5", XSDDatatype.XSDinteger), b.values().get("limit"));
        assertEquals(NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean), b.values().get("former"));
        assertEquals(NodeFactory.createURI("https://w3id.org/newsgraph/person/farooq-sattar"), b.values().get("who"));
        assertEquals(NodeFactory.createLiteralDT("0.5", XSDDatatype.XSDdecimal), b.values().get("minConfidence"));
        String sparql = b.sparql();
        assertTrue(sparql.contains("contains(?title, \"MQM\")"), sparql);
        assertTrue(sparql.contains("<https://w3id.org/newsgraph/person/farooq-sattar>"), sparql);
        assertFalse(sparql.contains("?_"), "no parameter variable is left: " + sparql);
        assertFalse(sparql.toLowerCase().contains("bound("), "BOUND of a bound parameter becomes true: " + sparql);
    }

    @Test
    void aPageIsAWindowWithinTheQuerysOwnLimitAndOffset() {
        CannedQuery own = CannedQuery.parse("own", "# title: Own\nSELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10 OFFSET 5");
        CannedQuery open = CannedQuery.parse("open", "# title: Open\nSELECT * WHERE { ?s ?p ?o } ORDER BY ?s");

        var inside = own.bind(Map.of()).page(3, 4).query();
        var pastTheEnd = own.bind(Map.of()).page(100, 8).query();
        var rest = open.bind(Map.of()).page(BoundQuery.NO_LIMIT, 7).query();

        assertEquals(List.of(3L, 9L), List.of(inside.getLimit(), inside.getOffset()));
        assertEquals(List.of(2L, 13L), List.of(pastTheEnd.getLimit(), pastTheEnd.getOffset()));
        assertFalse(rest.hasLimit());
        assertEquals(7L, rest.getOffset());
        assertThrows(IllegalArgumentException.class, () -> open.bind(Map.of()).page(-2, 0));
    }

    @Test
    void aPageCutsALeadingSubSelectSortedAsTheQueryAndGivesTheSameRowsAsTheWholeResult() {
        QueryTarget target = QueryTarget.local(graphs(12, 5));
        CannedQuery counts = CannedQuery.parse("counts", """
                # title: Counts
                SELECT ?g ?n (COUNT(?x) AS ?has)
                WHERE {
                  { SELECT ?g ?n WHERE { GRAPH ?g { ?g <http://example.org/n> ?n } } ORDER BY DESC(?n) ?g }
                  OPTIONAL { GRAPH ?g { ?g <http://example.org/has> ?x } }
                }
                GROUP BY ?g ?n
                ORDER BY DESC(?n) ?g""");

        List<?> all = ((QueryResult.Rows) target.run(counts.bind(Map.of()))).rows();
        BoundQuery page = counts.bind(Map.of()).page(3, 4);
        List<?> rows = ((QueryResult.Rows) target.run(page)).rows();

        var lead = (org.apache.jena.sparql.syntax.ElementSubQuery)
                ((org.apache.jena.sparql.syntax.ElementGroup) page.query().getQueryPattern()).get(0);
        assertEquals(7L, lead.getQuery().getLimit());
        assertEquals(12, all.size());
        assertEquals(all.subList(4, 7), rows);
    }

    @Test
    void aPageWithTheLargestLimitOrOffsetGivesTheRightRowsNotAnOverflow() {
        QueryTarget target = QueryTarget.local(graphs(12, 5));
        CannedQuery counts = CannedQuery.parse("counts", """
                # title: Counts
                SELECT ?g ?n (COUNT(?x) AS ?has)
                WHERE {
                  { SELECT ?g ?n WHERE { GRAPH ?g { ?g <http://example.org/n> ?n } } ORDER BY DESC(?n) ?g }
                  OPTIONAL { GRAPH ?g { ?g <http://example.org/has> ?x } }
                }
                GROUP BY ?g ?n
                ORDER BY DESC(?n) ?g
                OFFSET 1""");

        List<?> all = ((QueryResult.Rows) target.run(counts.bind(Map.of()))).rows();
        BoundQuery fromTheThird = counts.bind(Map.of()).page(Long.MAX_VALUE, 2);
        BoundQuery farOut = counts.bind(Map.of()).page(3, Long.MAX_VALUE);

        assertEquals(11, all.size());
        assertEquals(all.subList(2, 11), ((QueryResult.Rows) target.run(fromTheThird)).rows());
        assertEquals(3L, fromTheThird.query().getOffset());
        assertEquals(List.of(), ((QueryResult.Rows) target.run(farOut)).rows());
        assertEquals(Long.MAX_VALUE, farOut.query().getOffset());
    }

    @Test
    void aPageCutsTheSortedSubSelectUnderLeadingUnsortedOnes() {
        QueryTarget target = QueryTarget.local(graphs(9, 3));
        CannedQuery nested = CannedQuery.parse("nested", """
                # title: Nested
                SELECT ?g ?n ?has (COUNT(?y) AS ?twice)
                WHERE {
                  { SELECT ?g ?n (COUNT(?x) AS ?has)
                    WHERE {
                      { SELECT ?g ?n WHERE { GRAPH ?g { ?g <http://example.org/n> ?n } } ORDER BY ?n DESC(?g) }
                      OPTIONAL { GRAPH ?g { ?g <http://example.org/has> ?x } }
                    }
                    GROUP BY ?g ?n }
                  OPTIONAL { GRAPH ?g { ?g <http://example.org/has> ?y } }
                }
                GROUP BY ?g ?n ?has
                ORDER BY ?n DESC(?g)""");

        List<?> all = ((QueryResult.Rows) target.run(nested.bind(Map.of()))).rows();
        BoundQuery page = nested.bind(Map.of()).page(4, 2);
        List<?> rows = ((QueryResult.Rows) target.run(page)).rows();

        assertTrue(page.sparql().replaceAll("\\s+", " ").contains("DESC(?g) LIMIT 6 }"), page.sparql());
        assertEquals(all.subList(2, 6), rows);
    }

    /** {@code count} graphs, each with a number {@code i % modulo} and {@code i % 4} other facts, i its place. */
    private static org.apache.jena.sparql.core.DatasetGraph graphs(int count, int modulo) {
        org.apache.jena.sparql.core.DatasetGraph data = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < count; i++) {
            org.apache.jena.graph.Node g = NodeFactory.createURI("http://example.org/a" + i);
            data.add(g, g, NodeFactory.createURI("http://example.org/n"), NodeFactory.createLiteralDT(
                    String.valueOf(i % modulo), XSDDatatype.XSDinteger));
            for (int k = 0; k < i % 4; k++) {
                data.add(g, g, NodeFactory.createURI("http://example.org/has"), NodeFactory.createURI("http://example.org/x" + k));
            }
        }
        return data;
    }

    @Test
    void anEmptyOptionalParameterStaysAnUnboundVariable() {
        BoundQuery b = roles().bind(Map.of("party", "MQM", "limit", ""));

        assertEquals(Map.of("party", NodeFactory.createLiteralString("MQM"),
                "limit", NodeFactory.createLiteralDT("10", XSDDatatype.XSDinteger),
                "former", NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean),
                "minConfidence", NodeFactory.createLiteralDT("0.5", XSDDatatype.XSDdecimal)), b.values());
        assertTrue(b.sparql().contains("bound(?_asOf)"), b.sparql());
        assertTrue(b.sparql().contains("bound(?_who)"), b.sparql());
    }

    @Test
    void aMissingRequiredParameterIsAnErrorNamingItAndItsType() {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> roles().bind(Map.of("asOf", "2025-02-08")));
        assertEquals("query 'roles-in-party': parameter 'party' is required: Name (or part of a name) of the party (text)",
                e.getMessage());
        assertThrows(NewsgraphException.class, () -> roles().bind(Map.of("party", "")));
    }

    @Test
    void aMalformedValueIsAnErrorNamingTheParameterAndTheExpectedType() {
        assertEquals("query 'roles-in-party': parameter 'asOf' must be a date YYYY-MM-DD, e.g. 2025-02-08, not \"yesterday\"",
                bindError("asOf", "yesterday"));
        assertTrue(bindError("asOf", "2025-02-30").contains("parameter 'asOf' must be a date"));
        assertTrue(bindError("asOf", "2025-2-8").contains("parameter 'asOf' must be a date"));
        assertTrue(bindError("limit", "ten").contains("parameter 'limit' must be a whole number"));
        assertTrue(bindError("limit", "1.5").contains("parameter 'limit' must be a whole number"));
        assertTrue(bindError("former", "yes").contains("parameter 'former' must be true or false"));
        assertTrue(bindError("minConfidence", "high").contains("parameter 'minConfidence' must be a decimal number"));
        assertTrue(bindError("who", "person/farooq-sattar").contains("parameter 'who' must be an absolute IRI"));
        assertTrue(bindError("who", "http://example.org/a b").contains("parameter 'who' must be an absolute IRI"));
    }

    @Test
    void anUnknownParameterIsAnErrorListingTheKnownOnes() {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> roles().bind(Map.of("party", "x", "partty", "y")));
        assertEquals("query 'roles-in-party' has no parameter 'partty'; its parameters are party, asOf, limit, former, who, minConfidence",
                e.getMessage());
    }

    @Test
    void theCannedQueryItselfIsNotChangedByBinding() {
        CannedQuery q = roles();
        String before = q.query().serialize();
        q.bind(Map.of("party", "MQM", "asOf", "2025-02-08"));
        q.query().setLimit(3);
        assertEquals(before, q.query().serialize());
    }

    @Test
    void headerMistakesAreErrorsNamingTheFileAndLine() {
        assertEquals("x.rq: the header has no '# title: ...' line; start the file with '# title:', '# description:' and a "
                + "'# param:' line per parameter", parseError("# description: d\nSELECT * {}"));
        assertEquals("x.rq line 2: parameter 'n' has unknown type 'number'; types are string, iri, date, integer, decimal, boolean",
                parseError("# title: t\n# param: n : number : d\nSELECT * { FILTER(?_n) }"));
        assertEquals("x.rq line 2: parameter 'd': default \"soon\" is not a date YYYY-MM-DD, e.g. 2025-02-08",
                parseError("# title: t\n# param: d : date = soon : d\nSELECT * { FILTER(?_d) }"));
        assertTrue(parseError("# title: t\n# param: what is this\nSELECT * {}").startsWith("x.rq line 2: a parameter is written"));
        assertEquals("x.rq: parameter 'a' is declared twice",
                parseError("# title: t\n# param: a : string : d\n# param: a : string : d\nSELECT * { FILTER(?_a) }"));
        assertEquals("x.rq line 2: a second 'title:' in the header", parseError("# title: t\n# title: u\nSELECT * {}"));
    }

    @Test
    void parametersAndQueryVariablesMustMatch() {
        assertEquals("x.rq: parameter 'unused' is declared but the query never uses ?_unused",
                parseError("# title: t\n# param: unused : string : d\nSELECT * { ?s ?p ?o }"));
        assertEquals("x.rq: the query uses ?_typo, but no '# param: typo : ...' declares it; variables starting with _ are parameters",
                parseError("# title: t\nSELECT * { ?s ?p ?o FILTER(?o = ?_typo) }"));
        assertTrue(parseError("# title: t\n# param: a : string : d\nSELECT ?_a { ?s ?p ?_a }")
                .startsWith("x.rq: parameter ?_a is a result column"));
    }

    @Test
    void aQueryThatDoesNotParseIsAnErrorWithItsLine() {
        String message = parseError("# title: t\n\n" + PREFIX + "SELECT * { ?s ?p }");
        assertTrue(message.startsWith("x.rq: the query does not parse: "), message);
        assertTrue(message.contains("line 4"), message);
    }

    @Test
    void readsAFileNamedAfterItAndNamesTheFileInErrors(@TempDir Path tmp) throws Exception {
        Path good = Files.writeString(tmp.resolve("who-said.rq"), "# title: Who said\n" + PREFIX + "SELECT ?s { ?s a ng:Statement }\n");
        Path bad = Files.writeString(tmp.resolve("broken.rq"), "SELECT ?s { ?s a ng:Statement }\n");
        Files.write(tmp.resolve("latin1.rq"), new byte[] {'#', ' ', 't', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xE9});

        assertEquals("who-said", CannedQuery.read(good).name());
        assertEquals(Optional.empty(), CannedQuery.read(good).findParameter("x"));
        String message = assertThrows(NewsgraphException.class, () -> CannedQuery.read(bad)).getMessage();
        assertTrue(message.startsWith(bad + ": the header has no '# title: ...' line"), message);
        assertEquals(tmp.resolve("latin1.rq") + ": not UTF-8 text",
                assertThrows(NewsgraphException.class, () -> CannedQuery.read(tmp.resolve("latin1.rq"))).getMessage());
    }

    @Test
    void askAndConstructQueriesAreCannedQueriesToo() {
        assertEquals(QueryType.ASK, CannedQuery.parse("a", "# title: t\n" + PREFIX + "ASK { ?s a ng:Event }").queryType());
        assertEquals(QueryType.CONSTRUCT,
                CannedQuery.parse("c", "# title: t\n" + PREFIX + "CONSTRUCT { ?s a ng:Event } WHERE { ?s a ng:Event }").queryType());
    }

    private static String bindError(String name, String value) {
        return assertThrows(NewsgraphException.class, () -> roles().bind(Map.of("party", "MQM", name, value))).getMessage();
    }

    private static String parseError(String text) {
        return assertThrows(NewsgraphException.class, () -> CannedQuery.parse("x", text)).getMessage();
    }
}
