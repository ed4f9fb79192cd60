package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.query.QueryCatalog;
import picocli.CommandLine;

/** {@code newsgraph query}: listing, running with parameters, formats, sources, scripts, errors. */
class QueryCommandTest {

    static final String SAMPLE = "src/test/resources/query/sample.trig";
    static final String SYNTHETIC = "src/test/resources/query/synthetic.trig";

    @TempDir
    Path tmp;

    /** What one run printed on standard output and standard error, and its exit status. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listShowsEveryQueryWithTitleAndParameters() {
        Run run = run("query", "--list");

        assertEquals(Main.OK, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("NAME +TITLE +PARAMETERS \\(\\* required\\)"), lines.get(0));
        assertEquals(QueryCatalog.builtIn().names().size() + 1, lines.size(), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "roles +Who holds which role +person: string, org: string, asOf: date, includeFormer: boolean = true")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("statements-by +Everything a person said +speaker\\*: string, .*")), run.out());
    }

    @Test
    void listWithNamesDescribesEachParameter() {
        Run run = run("query", "--list", "events-in-range");

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith("events-in-range: Events in a date range\n  Dated events that happened"), run.out());
        assertTrue(run.out().contains("  --param from=DATE  (optional)\n      First day of the period"), run.out());
        assertTrue(run.out().contains("  --param trigger=STRING  (optional)\n"), run.out());
    }

    @Test
    void theLargestLimitGivesEveryRowFromTheOffsetNotAnOverflow() {
        Run all = run("query", "articles", "--data", SAMPLE, "--data", SYNTHETIC, "--format", "csv");
        Run fromTheSecond = run("query", "articles", "--data", SAMPLE, "--data", SYNTHETIC, "--format", "csv",
                "--limit", String.valueOf(Long.MAX_VALUE), "--offset", "1");

        assertEquals(Main.OK, fromTheSecond.exit(), fromTheSecond.err());
        List<String> rows = all.out().lines().toList();
        assertEquals(5, rows.size(), all.out());
        assertEquals(List.of(rows.get(0), rows.get(2), rows.get(3), rows.get(4)), fromTheSecond.out().lines().toList());
    }

    @Test
    void runsACannedQueryWithParametersOnRdfFiles() {
        Run run = run("query", "roles", "--data", SAMPLE, "-p", "person=Siddiqui", "--format", "csv");

        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals(List.of("person,title,in,former,reportedOn,articleId",
                "Khalid Maqbool Siddiqui,chairman,Muttahida Qaumi Movement Pakistan,false,2025-02-09,mqm-bahadurabad-2025-02-09"),
                run.out().lines().toList());
        assertTrue(run.err().matches("roles: 1 row, \\d+\\.\\d\\d s\\n"), run.err());
    }

    @Test
    void theDefaultFormatIsATable() {
        Run run = run("query", "events-in-range", "--data", SAMPLE, "--param", "from=2025-02-08", "--param", "to=2025-02-08", "-q");

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\| \"2025-02-08\"\\^\\^xsd:date \\| \"gathered\" +\\|.*")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\| \"2025-02-08\"\\^\\^xsd:date \\| \"protest\" +\\|.*")), run.out());
        assertEquals("", run.err());
    }

    @Test
    void runsOnADatabaseAndOnAnEndpointAlike() {
        Path db = tmp.resolve("db");
        try (var store = org.newsgraph.store.GraphStore.open(db)) {
            DatasetGraph sample = RDFDataMgr.loadDatasetGraph(SAMPLE);
            var quads = new java.util.ArrayList<org.apache.jena.sparql.core.Quad>();
            sample.find().forEachRemaining(quads::add);
            store.put("mqm-bahadurabad-2025-02-09", "c23de679b6bdd5b37cd40835f8877bb9a7522973f3a541367f06c6763db300d3", quads);
        }
        Run local = run("query", "top-speakers", "--db", db.toString(), "-f", "tsv");
        assertEquals(Main.OK, local.exit(), local.err());
        assertTrue(local.out().contains("\"Khalid Maqbool Siddiqui\"\t3\t1\t1"), local.out());

        DatasetGraph dsg = RDFDataMgr.loadDatasetGraph(SAMPLE);
        FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/news", dsg, false).build().start();
        try {
            Run remote = run("query", "top-speakers", "--endpoint", "http://localhost:" + server.getPort() + "/news/sparql", "-f", "tsv");
            assertEquals(Main.OK, remote.exit(), remote.err());
            assertEquals(local.out(), remote.out());
        } finally {
            server.stop();
        }
    }

    @Test
    void runsAQueryFileAndPrintsAGraphAsTurtle() throws IOException {
        Path file = Files.writeString(tmp.resolve("who.rq"), """
                # title: Who is a person
                # param: name : string : part of a name
                PREFIX ng: <https://w3id.org/newsgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                CONSTRUCT { ?p a ng:Person } WHERE { GRAPH ?g { ?p a ng:Person ; rdfs:label ?l FILTER(CONTAINS(?l, ?_name)) } }
                """);

        Run run = run("query", file.toString(), "--data", SAMPLE, "-p", "name=Kamal");

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.out().contains("<https://w3id.org/newsgraph/person/mustafa-kamal>"), run.out());
        assertTrue(run.out().contains("ng:Person"), run.out());
        assertTrue(run.err().startsWith("who: 1 triple, "), run.err());
    }

    @Test
    void aScriptOfQueriesWritesOneFilePerQueryAndASummary() throws IOException {
        Path out = tmp.resolve("results");
        Run run = run("query", "roles", "top-speakers", "entity-facts", "--data", SAMPLE, "--data", SYNTHETIC, "--out", out.toString(),
                "-f", "csv", "-p", "person=Quill", "-p", "entity=https://w3id.org/newsgraph/person/mara-quill");

        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals("person,title,in,former,reportedOn,articleId\nMara Quill,leader,Green Harbour Party,false,2025-01-15,harbour-2025-01-15\n",
                Files.readString(out.resolve("roles.csv")).replace("\r\n", "\n"));
        assertTrue(Files.readString(out.resolve("top-speakers.csv")).startsWith("speaker,statements,quotes,articles\r\nKhalid Maqbool Siddiqui,3,1,1"));
        assertTrue(Files.readString(out.resolve("entity-facts.ttl")).contains("\"Mara Quill\""));
        assertTrue(run.err().contains("roles: 1 row, "), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches("3 queries run, 0 failed, results in " + out + ", \\d+\\.\\d s")), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aFolderOfQueriesRunsEachAndAFailureDoesNotStopTheOthers() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("script"));
        Files.writeString(folder.resolve("count.rq"), "# title: Count\nSELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }\n");
        Files.writeString(folder.resolve("slow.rq"), "# title: Service\nSELECT * { SERVICE <http://localhost:1/sparql> { ?s ?p ?o } }\n");
        Path out = tmp.resolve("out");

        Run run = run("query", folder.toString(), "--data", SAMPLE, "--out", out.toString(), "-f", "json");

        assertEquals(Main.SOME_FAILED, run.exit(), run.err());
        assertTrue(Files.readString(out.resolve("count.json")).contains("\"value\": \"233\""), Files.readString(out.resolve("count.json")));
        assertFalse(Files.exists(out.resolve("slow.json")));
        assertTrue(run.err().contains("error: query 'slow': "), run.err());
        assertTrue(run.err().contains("1 query run, 1 failed, results in "), run.err());
    }

    @Test
    void showQueryPrintsTheBoundQueryWithTheValueAsOneLiteral() {
        Run run = run("query", "statements-about", "--show-query", "-p", "topic=x\" } ; DROP ALL ; SELECT * { \"");

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith("# statements-about\n"), run.out());
        assertTrue(run.out().contains("contains(lcase(?text), lcase(\"x\\\" } ; DROP ALL ; SELECT * { \\\"\"))"), run.out());
    }

    @Test
    void aMissingOrMalformedParameterIsAClearError() {
        Run missing = run("query", "statements-by", "--data", SAMPLE);
        Run malformed = run("query", "events-in-range", "--data", SAMPLE, "-p", "from=8 Feb 2025");
        Run unknown = run("query", "roles", "--data", SAMPLE, "-p", "party=MQM");

        assertEquals(Main.ERROR, missing.exit());
        assertEquals("newsgraph: query 'statements-by': parameter 'speaker' is required: Name or part of a name of the speaker, "
                + "a person or an organization (any case) (text)\n", missing.err());
        assertEquals("newsgraph: query 'events-in-range': parameter 'from' must be a date YYYY-MM-DD, e.g. 2025-02-08, "
                + "not \"8 Feb 2025\"\n", malformed.err());
        assertEquals(Main.ERROR, unknown.exit());
        assertTrue(unknown.err().startsWith("No query here has a parameter 'party'; the parameters are person, org, asOf, includeFormer"),
                unknown.err());
    }

    @Test
    void usageMistakesAreErrors() {
        Run noQuery = run("query", "--data", SAMPLE);
        Run noSource = run("query", "roles");
        Run twoSources = run("query", "roles", "--data", SAMPLE, "--endpoint", "http://localhost:1/sparql");
        Run severalToStdout = run("query", "roles", "articles", "--data", SAMPLE);
        Run unknownName = run("query", "rolez", "--data", SAMPLE);
        Run noDb = run("query", "roles", "--db", tmp.resolve("nope").toString());
        Run badFormat = run("query", "roles", "--data", SAMPLE, "-f", "yaml");

        assertEquals(Main.ERROR, noQuery.exit());
        assertTrue(noQuery.err().startsWith("Give a query name, a .rq file or a folder of them"), noQuery.err());
        assertTrue(noSource.err().startsWith("Give one of --db DIR, --data FILE or --endpoint URL"), noSource.err());
        assertTrue(twoSources.err().startsWith("Give one of --db DIR, --data FILE or --endpoint URL"), twoSources.err());
        assertTrue(severalToStdout.err().startsWith("Several queries (2): give --out DIR for their result files"), severalToStdout.err());
        assertTrue(unknownName.err().startsWith("newsgraph: no query called 'rolez'; the queries are articles, "), unknownName.err());
        assertEquals("newsgraph: database " + tmp.resolve("nope") + " does not exist; make it with newsgraph ingest PATH --db "
                + tmp.resolve("nope") + "\n", noDb.err());
        assertFalse(Files.exists(tmp.resolve("nope")), "no empty database is made");
        assertEquals("newsgraph: unknown result format 'yaml'; the formats are table, csv, tsv, json, xml\n", badFormat.err());
        for (Run r : List.of(noSource, twoSources, severalToStdout, unknownName, noDb, badFormat)) {
            assertEquals(Main.ERROR, r.exit(), r.err());
        }
    }
}
