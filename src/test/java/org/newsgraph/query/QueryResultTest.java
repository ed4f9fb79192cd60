package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.store.GraphStore;

/** Results written in every format, read back where there is a parser. */
class QueryResultTest {

    static GraphStore sample;
    static QueryResult roles;

    @BeforeAll
    static void load() {
        sample = QueryFixtures.store(QueryFixtures.SAMPLE);
        roles = QueryFixtures.run(sample, "roles", "org=MQM");
    }

    @AfterAll
    static void close() {
        sample.close();
    }

    @Test
    void theTableShowsColumnsAndShortTypedValues() {
        String table = write(roles, ResultFormat.TABLE);
        assertTrue(table.contains("| person                    | title      |"), table);
        assertTrue(table.contains("| \"Khalid Maqbool Siddiqui\" | \"chairman\" |"), table);
        assertTrue(table.contains("\"2025-02-09\"^^xsd:date"), table);
    }

    @Test
    void csvHasAHeaderAndOneLinePerRow() {
        List<String> lines = write(roles, ResultFormat.CSV).lines().toList();
        assertEquals(List.of("person,title,in,former,reportedOn,articleId",
                "Farooq Sattar,leader,Muttahida Qaumi Movement Pakistan,false,2025-02-09,mqm-bahadurabad-2025-02-09",
                "Khalid Maqbool Siddiqui,chairman,Muttahida Qaumi Movement Pakistan,false,2025-02-09,mqm-bahadurabad-2025-02-09"),
                lines);
        assertEquals("?person\t?title\t?in\t?former\t?reportedOn\t?articleId", write(roles, ResultFormat.TSV).lines().findFirst().orElseThrow());
    }

    @Test
    void jsonAndXmlReadBackToTheSameRows() {
        for (ResultFormat f : List.of(ResultFormat.JSON, ResultFormat.XML)) {
            Lang lang = f == ResultFormat.JSON ? ResultSetLang.RS_JSON : ResultSetLang.RS_XML;
            ResultSet back = ResultSetMgr.read(new ByteArrayInputStream(write(roles, f).getBytes(StandardCharsets.UTF_8)), lang);
            List<String> people = new ArrayList<>();
            back.forEachRemaining(s -> people.add(s.getLiteral("person").getString()));
            assertEquals(List.of("Farooq Sattar", "Khalid Maqbool Siddiqui"), people, f.toString());
        }
    }

    @Test
    void anAskAnswerIsTrueOrFalseOrASparqlResult() {
        QueryResult yes = QueryTarget.local(sample.dataset()).execute(QueryFactory.create(
                "PREFIX ng: <https://w3id.org/newsgraph/ontology#> ASK { GRAPH ?g { ?e ng:trigger \"protest\" } }"));
        assertEquals(new QueryResult.Answer(true), yes);
        assertEquals("true\n", write(yes, ResultFormat.TABLE));
        assertEquals("{ \n  \"head\" : { } ,\n  \"boolean\" : true\n}\n", write(yes, ResultFormat.JSON));
        assertTrue(write(new QueryResult.Answer(false), ResultFormat.XML).contains("<boolean>false</boolean>"));
    }

    @Test
    void aGraphIsTurtleJsonLdOrRdfXml() {
        QueryResult facts = QueryFixtures.run(sample, "entity-facts", "entity=https://w3id.org/newsgraph/person/kamran-tessori");
        for (ResultFormat f : ResultFormat.values()) {
            Lang lang = switch (f) {
                case JSON -> Lang.JSONLD;
                case XML -> Lang.RDFXML;
                default -> Lang.TURTLE;
            };
            Graph back = GraphFactory.createDefaultGraph();
            RDFParser.fromString(write(facts, f), lang).parse(back);
            assertTrue(back.isIsomorphicWith(((QueryResult.Triples) facts).graph()), f.toString());
        }
        assertEquals("ttl", ResultFormat.CSV.extension(facts));
        assertEquals("application/ld+json", ResultFormat.JSON.mediaType(facts));
        assertEquals("csv", ResultFormat.CSV.extension(roles));
        assertEquals("application/sparql-results+json", ResultFormat.JSON.mediaType(roles));
    }

    @Test
    void formatsAreNamedInAnyCaseAndAnUnknownOneIsAnError() {
        assertEquals(ResultFormat.TSV, ResultFormat.named("TSV"));
        assertEquals("unknown result format 'yaml'; the formats are table, csv, tsv, json, xml",
                assertThrows(NewsgraphException.class, () -> ResultFormat.named("yaml")).getMessage());
    }

    @Test
    void columnsAndValuesGiveRowsAsText() {
        QueryResult.Rows rows = (QueryResult.Rows) roles;
        assertEquals(List.of("Farooq Sattar", "Khalid Maqbool Siddiqui"), rows.column("person"));
        assertEquals("chairman", rows.values().get(1).get("title"));
        assertEquals("2 rows", rows.summary());
    }

    private static String write(QueryResult result, ResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.write(out, format);
        return out.toString(StandardCharsets.UTF_8);
    }
}
