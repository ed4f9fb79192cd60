package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.OntologyGraphs;
import org.newsgraph.server.NewsServer;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.TrigFixtures;

/** {@code newsgraph export} and {@code newsgraph push} on a database of real and made-up article graphs. */
class TransferCommandsTest {

    private static final String SAMPLE = "mqm-bahadurabad-2025-02-09";

    @TempDir
    Path tmp;
    Path db;
    DatasetGraph articles;

    @BeforeEach
    void database() {
        db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            TrigFixtures.load(store, TrigFixtures.read("/query/sample.trig"));
            TrigFixtures.load(store, TrigFixtures.read("/query/synthetic.trig"));
            articles = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(store.dataset(), () -> store.articleIds().forEach(id -> store.dataset()
                    .find(store.graphName(id), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(articles::add)));
        }
    }

    private static DatasetGraph parse(Path file, Lang lang, boolean gzip) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            RDFParser.source(in).lang(lang).parse(dsg);
        }
        return dsg;
    }

    @Test
    void exportToGzWritesTheGraphsGzippedAndLeavesNoPartialFile() throws IOException {
        Path out = tmp.resolve("news.trig.gz");
        IngestCommandTest.Run run = IngestCommandTest.run("export", "--db", db.toString(), "-f", "trig", "-o", out.toString());
        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(IsoMatcher.isomorphic(articles, parse(out, Lang.TRIG, true)));
        assertFalse(Files.exists(tmp.resolve("news.trig.gz.part")));
        assertTrue(run.hasLine(articles.size() + " graphs, " + articles.stream().count() + " triples written to " + out), run.err());
    }

    @Test
    void exportThenLoadIntoANewDatabaseGivesTheSameArticlesAndLoadingAgainSkipsThem() throws IOException {
        Path out = tmp.resolve("news.nq.gz");
        assertEquals(Main.OK, IngestCommandTest.run("export", "--db", db.toString(), "--with-ontology", "-o", out.toString()).exit());
        Path copy = tmp.resolve("copy");

        IngestCommandTest.Run load = IngestCommandTest.run("load", "--db", copy.toString(), out.toString());

        assertEquals(Main.OK, load.exit(), load.err());
        assertTrue(load.err().contains(articles.size() + " loaded (" + articles.size() + " added, 0 replaced), 0 unchanged, 0 failed"),
                load.err());
        try (GraphStore store = GraphStore.open(copy)) {
            DatasetGraph back = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(store.dataset(), () -> store.articleIds().forEach(id -> store.dataset()
                    .find(store.graphName(id), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(back::add)));
            assertTrue(IsoMatcher.isomorphic(articles, back));
        }

        IngestCommandTest.Run again = IngestCommandTest.run("load", "--db", copy.toString(), out.toString());

        assertEquals(Main.OK, again.exit(), again.err());
        assertTrue(again.err().contains("0 loaded (0 added, 0 replaced), " + articles.size() + " unchanged, 0 failed"), again.err());
    }

    @Test
    void loadReportsAFileItCannotUseAndExitsWithSomeFailed() {
        IngestCommandTest.Run load = IngestCommandTest.run("load", "--db", tmp.resolve("copy").toString(),
                tmp.resolve("missing.nq").toString());

        assertEquals(Main.SOME_FAILED, load.exit(), load.err());
        assertTrue(load.hasLine("error: " + tmp.resolve("missing.nq") + ": no such file"), load.err());
    }

    @Test
    void exportInATripleFormatSaysItWritesTheUnion() throws IOException {
        Path out = tmp.resolve("news.nt");
        IngestCommandTest.Run run = IngestCommandTest.run("export", "--db", db.toString(), "-f", "ntriples", "-o", out.toString());
        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.hasLine("ntriples has no named graphs: writing the union"), run.err());
        assertTrue(parse(out, Lang.NTRIPLES, false).getDefaultGraph().isIsomorphicWith(articles.getUnionGraph()));
    }

    @Test
    void aFailedExportLeavesTheOldFileAsItWas() throws IOException {
        Path out = tmp.resolve("news.nq");
        Files.writeString(out, "an earlier export\n");
        IngestCommandTest.Run run = IngestCommandTest.run("export", "--db", db.toString(), "--graph", "no-such-article", "-o", out.toString());
        assertEquals(Main.ERROR, run.exit());
        assertTrue(run.hasLine("newsgraph: not in", "no-such-article", "nothing was exported"), run.err());
        assertEquals("an earlier export\n", Files.readString(out));
        assertFalse(Files.exists(tmp.resolve("news.nq.part")));
    }

    @Test
    void exportOfAFolderThatIsNoDatabaseSaysSoAndCreatesNothing() {
        Path nowhere = tmp.resolve("typo");
        IngestCommandTest.Run run = IngestCommandTest.run("export", "--db", nowhere.toString());
        assertEquals(Main.ERROR, run.exit());
        assertTrue(run.hasLine("newsgraph: no newsgraph database in " + nowhere), run.err());
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void pushIntoAPasswordProtectedServerThenAgainChangesNothing() throws IOException {
        Path password = Files.writeString(tmp.resolve("password"), "pw-for-push\n");
        try (GraphStore targetStore = GraphStore.inMemory();
             NewsServer target = NewsServer.builder().store(targetStore).port(0).password(Optional.of("pw-for-push")).build().start()) {
            String gsp = target.url() + "news/data";
            IngestCommandTest.Run refused = IngestCommandTest.run("push", "--db", db.toString(), "--endpoint", gsp,
                    "--user", "admin", "--password-file", Files.writeString(tmp.resolve("wrong"), "wrong\n").toString());
            assertEquals(Main.ERROR, refused.exit());
            assertTrue(refused.hasLine("newsgraph: " + gsp + " refused the credentials (HTTP 401)"), refused.err());
            assertTrue(targetStore.articleIds().isEmpty());

            IngestCommandTest.Run first = IngestCommandTest.run("push", "--db", db.toString(), "--endpoint", gsp,
                    "--user", "admin", "--password-file", password.toString(), "--with-ontology");
            assertEquals(Main.OK, first.exit(), first.err());
            long graphs = articles.size() + 2;
            assertTrue(first.hasLine(graphs + " graphs: " + graphs + " sent", graphs + " of " + graphs + " graphs verified"), first.err());
            assertEquals(articles.size(), targetStore.articleIds().size());
            DatasetGraph there = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(targetStore.dataset(), () -> targetStore.articleIds().forEach(id -> targetStore.dataset()
                    .find(targetStore.graphName(id), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(there::add)));
            assertTrue(IsoMatcher.isomorphic(articles, there));
            assertTrue(Txn.calculateRead(targetStore.dataset(), () -> targetStore.dataset().containsGraph(OntologyGraphs.SHAPES)));

            IngestCommandTest.Run second = IngestCommandTest.run("push", "--db", db.toString(), "--endpoint", gsp,
                    "--user", "admin", "--password-file", password.toString(), "--with-ontology", "-q");
            assertEquals(Main.OK, second.exit(), second.err());
            assertTrue(second.hasLine(graphs + " graphs: 0 sent (0 triples), " + graphs + " already there"), second.err());
            assertTrue(Files.list(db.resolve("push-journal")).anyMatch(f -> f.getFileName().toString().endsWith(".journal")));
        }
    }

    @Test
    void pushWithoutItsPasswordFileIsAUsageError() {
        IngestCommandTest.Run run = IngestCommandTest.run("push", "--db", db.toString(), "--endpoint", "http://localhost:1/x", "--user", "u");
        assertEquals(Main.ERROR, run.exit());
        assertTrue(run.hasLine("newsgraph: give --user and --password-file together"), run.err());
    }
}
