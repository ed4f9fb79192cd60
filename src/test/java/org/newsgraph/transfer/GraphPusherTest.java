package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.rdf.OntologyGraphs;
import org.newsgraph.store.GraphStore;

/** Pushing the transfer fixtures into a real SPARQL store (Fuseki) that can be made to fail. */
class GraphPusherTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private static GraphStore store;
    private static DatasetGraph expected;

    @TempDir
    Path dir;
    private FaultyTarget target;
    private final List<String> heard = new ArrayList<>();

    @BeforeAll
    static void fill() {
        store = TransferFixtures.store();
        expected = TransferFixtures.articleGraphs(store, Set.of());
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void startTarget() {
        target = new FaultyTarget();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private GraphPusher.Builder pusher(PushTarget to) {
        return GraphPusher.builder().target(to).journal(dir.resolve("push.journal")).retry(QUICK)
                .listener(new PushListener() {
                    @Override
                    public void retrying(String what, int attempt, Duration delay, String reason) {
                        heard.add("retry " + what);
                    }
                });
    }

    private PushReport pushGsp() {
        return pusher(PushTarget.gsp(target.gsp())).build().push(store, List.of());
    }

    private DatasetGraph targetCopy() {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(target.data, () -> target.data.find().forEachRemaining(copy::add));
        return copy;
    }

    private void assertTargetHoldsTheStore() {
        assertTrue(IsoMatcher.isomorphic(expected, targetCopy()), "the target holds exactly the store's article graphs");
    }

    @Test
    void graphStoreProtocolPushCopiesEveryArticleGraphAndVerifiesIt() {
        PushReport report = pushGsp();
        assertTargetHoldsTheStore();
        assertEquals(expected.size(), report.graphs());
        assertEquals(expected.size(), report.sent());
        assertEquals(expected.stream().count(), report.triplesSent());
        assertEquals(expected.size(), report.verified());
        assertTrue(report.complete());
    }

    @Test
    void pushingTwiceLeavesTheTargetUnchangedAndSendsNothing() {
        pushGsp();
        DatasetGraph afterFirst = targetCopy();
        int writes = target.writes.get();
        PushReport second = pushGsp();
        assertTrue(IsoMatcher.isomorphic(afterFirst, targetCopy()));
        assertEquals(writes, target.writes.get(), "the journal knew every graph was there");
        assertEquals(0, second.sent());
        assertEquals(expected.size(), second.skipped());
        assertEquals(expected.size(), second.verified());
    }

    @Test
    void aFreshPushSendsEverythingAgainAndStillLeavesTheTargetUnchanged() {
        pushGsp();
        DatasetGraph afterFirst = targetCopy();
        PushReport again = pusher(PushTarget.gsp(target.gsp())).fresh(true).build().push(store, List.of());
        assertEquals(expected.size(), again.sent());
        assertTrue(IsoMatcher.isomorphic(afterFirst, targetCopy()), "PUT replaces: nothing doubled, nothing lost");
    }

    @Test
    void anInterruptedPushResumesWithWhatIsLeft() {
        target.failWritesAfter(2, 503);
        NewsgraphException stopped = assertThrows(NewsgraphException.class, this::pushGsp);
        assertTrue(stopped.getMessage().contains("run the same push again to resume"), stopped.getMessage());
        assertEquals(2, target.writes.get());
        assertFalse(heard.isEmpty(), "the failing write was retried first");

        target.heal();
        PushReport resumed = pushGsp();
        assertEquals(2, resumed.skipped(), "the two graphs sent before the failure are not sent again");
        assertEquals(expected.size() - 2, resumed.sent());
        assertTargetHoldsTheStore();
        assertTrue(resumed.complete());
    }

    @Test
    void passingFailuresAreRetriedWithBackoff() {
        target.failEveryFirstTry();
        PushReport report = pushGsp();
        assertTargetHoldsTheStore();
        assertEquals(expected.size(), report.sent());
        assertEquals(expected.size(), heard.size(), "one retry per graph: " + heard);
    }

    @Test
    void aGraphTheTargetRejectsIsReportedAndTheOthersArrive() {
        String awkward = store.graphName(TransferFixtures.AWKWARD_ARTICLE).getURI();
        target.reject(awkward);
        PushReport report = pushGsp();
        assertEquals(Set.of(TransferFixtures.AWKWARD_ARTICLE), report.failures().keySet());
        assertTrue(report.failures().get(TransferFixtures.AWKWARD_ARTICLE).contains("400"), report.failures().toString());
        assertFalse(report.complete());
        assertEquals(expected.size() - 1, report.sent());
        DatasetGraph withoutAwkward = TransferFixtures.articleGraphs(store, Set.of());
        withoutAwkward.removeGraph(store.graphName(TransferFixtures.AWKWARD_ARTICLE));
        assertTrue(IsoMatcher.isomorphic(withoutAwkward, targetCopy()));

        target.heal();
        PushReport retried = pushGsp();
        assertEquals(1, retried.sent(), "only the rejected graph is sent again");
        assertTargetHoldsTheStore();
    }

    @Test
    void aTargetEmptiedSinceTheLastPushIsFilledAgain() {
        pushGsp();
        Txn.executeWrite(target.data, target.data::clear);
        PushReport report = pushGsp();
        assertTargetHoldsTheStore();
        assertTrue(report.complete(), report.toString());
        assertEquals(expected.size(), report.sent(), "the count check found every graph missing and sent it");
    }

    @Test
    void sparqlUpdatePushInBatchesGivesTheSameTarget() {
        PushTarget update = new PushTarget(target.update(), PushTarget.Protocol.UPDATE, java.util.Optional.of(target.query()),
                java.util.Optional.empty());
        PushReport report = pusher(update).triplesPerRequest(150).build().push(store, List.of());
        assertTargetHoldsTheStore();
        assertTrue(report.complete(), report.toString());
        assertTrue(target.writes.get() > 1 && target.writes.get() < expected.size(),
                "several graphs per request, several requests: " + target.writes.get());

        PushReport again = pusher(update).fresh(true).build().push(store, List.of());
        assertEquals(expected.size(), again.sent());
        assertTargetHoldsTheStore();
    }

    @Test
    void sparqlUpdateCarriesTheBlankNodesOfTheOntologyAndShapes() {
        PushTarget update = new PushTarget(target.update(), PushTarget.Protocol.UPDATE, java.util.Optional.of(target.query()),
                java.util.Optional.empty());
        PushReport report = pusher(update).withOntology(true).build().push(store, List.of(TransferFixtures.SAMPLE_ARTICLE));
        assertTrue(report.complete(), report.toString());
        Txn.executeRead(target.data, () -> {
            assertTrue(target.data.getGraph(OntologyGraphs.ONTOLOGY).isIsomorphicWith(OntologyGraphs.ontology()));
            assertTrue(target.data.getGraph(OntologyGraphs.SHAPES).isIsomorphicWith(OntologyGraphs.shapes()));
        });
    }

    @Test
    void theOntologyAndShapesTravelWhenAsked() {
        PushReport report = pusher(PushTarget.gsp(target.gsp())).withOntology(true).build().push(store, List.of());
        assertEquals(expected.size() + 2, report.verified());
        Txn.executeRead(target.data, () -> {
            assertTrue(target.data.getGraph(OntologyGraphs.ONTOLOGY).isIsomorphicWith(OntologyGraphs.ontology()));
            assertTrue(target.data.getGraph(OntologyGraphs.SHAPES).isIsomorphicWith(OntologyGraphs.shapes()));
        });
        assertEquals(0, pusher(PushTarget.gsp(target.gsp())).withOntology(true).build().push(store, List.of()).sent(),
                "the shapes, parsed afresh each time, are still known to be there");
    }

    @Test
    void chosenArticlesAloneArePushedAndAnUnknownOneStopsBeforeSending() {
        PushReport report = pusher(PushTarget.gsp(target.gsp())).build().push(store, List.of(TransferFixtures.SAMPLE_ARTICLE));
        assertEquals(1, report.sent());
        assertTrue(IsoMatcher.isomorphic(TransferFixtures.articleGraphs(store, Set.of(TransferFixtures.SAMPLE_ARTICLE)), targetCopy()));

        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> pusher(PushTarget.gsp(target.gsp())).fresh(true).build().push(store, List.of("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void aJournalLineCutShortByACrashIsIgnored() throws Exception {
        pushGsp();
        Path journal = dir.resolve("push.journal");
        List<String> lines = Files.readAllLines(journal);
        assertEquals(expected.size(), lines.size());
        // A crash in the middle of the last write: the line lacks its end.
        String cut = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + lines.get(lines.size() - 1).substring(0, 30);
        Files.writeString(journal, cut);
        PushReport report = pushGsp();
        assertEquals(1, report.sent());
        assertTargetHoldsTheStore();
        assertEquals(expected.size(), Files.readAllLines(journal).stream().filter(l -> l.contains("\t")).count(),
                "the cut line stays on a line of its own; the resent graph has a whole line");
    }
}
