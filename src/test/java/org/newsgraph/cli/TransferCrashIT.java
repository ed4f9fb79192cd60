package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.TrigFixtures;
import org.newsgraph.transfer.FaultyTarget;

/**
 * {@code push} and {@code export} killed with SIGKILL halfway, in a child JVM: the store is
 * untouched, the target holds only whole graphs, no half-written export file appears under its
 * name, and running the same command again completes the job.
 */
class TransferCrashIT {

    @TempDir
    Path tmp;
    Path db;
    DatasetGraph articles;

    /** A database of many article graphs: the fixtures, copied under new ids. */
    @BeforeEach
    void database() {
        DatasetGraph fixtures = TrigFixtures.read("/query/sample.trig");
        TrigFixtures.read("/query/synthetic.trig").find().forEachRemaining(fixtures::add);
        articles = TrigFixtures.replicated(fixtures, 120);
        db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            // One transaction for all: put() per article would spend minutes on disk syncs.
            Txn.executeWrite(store.dataset(), () -> articles.find().forEachRemaining(store.dataset()::add));
        }
    }

    private static int run(StringWriter err, String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    @Test
    void aKilledPushLeavesWholeGraphsAndResumes() throws Exception {
        try (FaultyTarget target = new FaultyTarget()) {
            target.slowWrites(20);
            ChildRun child = ChildRun.start("1g", "push", "--db", db.toString(), "--endpoint", target.gsp().toString());
            child.awaitLines(l -> l.startsWith("sent "), 20, 120);
            child.kill();
            int before = Txn.calculateRead(target.data, () -> (int) target.data.size());
            assertTrue(before >= 20 && before < articles.size(), "killed halfway: " + before + " graphs arrived");
            Txn.executeRead(target.data, () -> target.data.listGraphNodes().forEachRemaining(g ->
                    assertTrue(target.data.getGraph(g).isIsomorphicWith(articles.getGraph(g)), g + " arrived whole")));

            target.slowWrites(0);
            StringWriter err = new StringWriter();
            int exit = run(err, "push", "--db", db.toString(), "--endpoint", target.gsp().toString(), "-q");
            assertEquals(Main.OK, exit, err.toString());
            DatasetGraph there = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(target.data, () -> target.data.find().forEachRemaining(there::add));
            assertTrue(IsoMatcher.isomorphic(articles, there), "the resumed push completed the target");
            assertTrue(err.toString().lines().anyMatch(l -> l.startsWith(articles.size() + " graphs: ")
                    && l.contains(" already there") && !l.contains(", 0 already there")
                    && l.contains(articles.size() + " of " + articles.size() + " graphs verified")), err.toString());
        }
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(articles.size(), store.articleIds().size(), "the store is as it was");
        }
    }

    @Test
    void aKilledExportLeavesNoFileUnderItsNameAndTheRerunWritesItWhole() throws Exception {
        // Gzipped, so the export takes long enough to be caught halfway.
        Path out = tmp.resolve("news.nq.gz");
        Path partial = tmp.resolve("news.nq.gz.part");
        ChildRun child = ChildRun.start("1g", "export", "--db", db.toString(), "-o", out.toString());
        child.await(() -> partial.toFile().length() > 0, 120);
        child.kill();
        assertFalse(Files.exists(out), "no export file appears before the export is complete");

        StringWriter err = new StringWriter();
        assertEquals(Main.OK, run(err, "export", "--db", db.toString(), "-o", out.toString()), err.toString());
        DatasetGraph back = DatasetGraphFactory.createTxnMem();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(back);
        }
        assertTrue(IsoMatcher.isomorphic(articles, back), "the re-run wrote every graph");
        assertFalse(Files.exists(partial), "the partial file of the killed run is gone");
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(articles.size(), store.articleIds().size());
            assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().find(store.graphName(
                    List.copyOf(store.articleIds()).get(0)), Node.ANY, Node.ANY, Node.ANY).hasNext()));
        }
    }
}
