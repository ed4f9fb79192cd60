package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.IngestSummary;

/** Exported article graphs loaded into another store: what comes in, what is skipped, and bad files. */
class GraphLoaderTest {

    private static GraphStore source;
    private static DatasetGraph articles;

    @TempDir
    Path dir;

    private final List<String> heard = new ArrayList<>();
    private final GraphLoader.Listener recorder = new GraphLoader.Listener() {
        @Override
        public void loaded(String articleId, IngestOutcome outcome, int quads) {
            heard.add(outcome.name().toLowerCase() + " " + articleId);
        }

        @Override
        public void unchanged(String articleId) {
            heard.add("unchanged " + articleId);
        }

        @Override
        public void failed(String message) {
            heard.add("failed " + message);
        }
    };

    @BeforeAll
    static void fill() {
        source = TransferFixtures.store();
        articles = TransferFixtures.articleGraphs(source, Set.of());
    }

    @AfterAll
    static void close() {
        source.close();
    }

    private Path exported(String name, OutputFormat format, boolean withOntology) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            Exporter.builder().format(format).withOntology(withOntology).build().export(source, out);
        }
        return file;
    }

    private IngestSummary load(GraphStore store, Path... files) {
        return GraphLoader.builder(store).listener(recorder).batch(2).build().load(List.of(files));
    }

    @Test
    void anExportLoadsIntoAnotherStoreAsTheSameArticles() throws IOException {
        Path nq = exported("all.nq.gz", OutputFormat.NQUADS, true);
        try (GraphStore target = GraphStore.inMemory()) {
            IngestSummary summary = load(target, nq);

            assertEquals(source.articleIds().size(), summary.added(), heard.toString());
            assertEquals(0, summary.failed(), heard.toString());
            assertEquals(source.articleIds(), target.articleIds());
            assertTrue(IsoMatcher.isomorphic(articles, TransferFixtures.articleGraphs(target, Set.of())),
                    "the loaded graphs are the exported ones");
        }
    }

    @Test
    void loadingTheSameFileAgainSkipsEveryArticleAndAChangedOneReplacesItsGraph() throws IOException {
        Path trig = exported("all.trig", OutputFormat.TRIG, false);
        try (GraphStore target = GraphStore.inMemory()) {
            load(target, trig);
            heard.clear();

            IngestSummary again = load(target, trig);

            assertEquals(source.articleIds().size(), again.unchanged());
            assertEquals(0, again.ingested());

            String id = TransferFixtures.SAMPLE_ARTICLE;
            String text = Files.readString(trig, StandardCharsets.UTF_8);
            String hash = "\"" + target.findContentHash(id).orElseThrow() + "\"";
            Path changed = dir.resolve("changed.trig");
            Files.writeString(changed, text.replace(hash, "\"0000\""), StandardCharsets.UTF_8);
            heard.clear();

            IngestSummary replaced = load(target, changed);

            assertEquals(1, replaced.replaced(), heard.toString());
            assertTrue(heard.contains("replaced " + id), heard.toString());
            assertEquals("0000", target.findContentHash(id).orElseThrow());
        }
    }

    @Test
    void aFileCutShortKeepsTheGraphsBeforeTheCutAndNotTheOneItCuts() throws IOException {
        Path nq = exported("all.nq", OutputFormat.NQUADS, false);
        List<String> lines = Files.readAllLines(nq, StandardCharsets.UTF_8);
        // Cut in the middle of the last graph: its last line is broken off half-way.
        String lastGraph = lines.get(lines.size() - 1).replaceAll(".* (<[^>]+>) \\.$", "$1");
        int firstOfLast = 0;
        while (!lines.get(firstOfLast).endsWith(lastGraph + " .")) {
            firstOfLast++;
        }
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
        String broken = lines.get(lines.size() - 1);
        cut.add(broken.substring(0, broken.length() / 2));
        Path file = dir.resolve("cut.nq");
        Files.write(file, cut, StandardCharsets.UTF_8);
        try (GraphStore target = GraphStore.inMemory()) {
            IngestSummary summary = load(target, file);

            assertEquals(1, summary.failed(), heard.toString());
            assertEquals(source.articleIds().size() - 1, summary.added(), heard.toString());
            String failure = heard.stream().filter(h -> h.startsWith("failed")).findFirst().orElseThrow();
            assertTrue(failure.startsWith("failed " + file + ": "), failure);
            assertTrue(failure.contains("[line: ") && failure.endsWith("the graphs before it are loaded, the one it cuts is not"),
                    failure);
            assertTrue(firstOfLast > 0, "the file holds graphs before the cut one");
            assertEquals(source.articleIds().size() - 1, target.articleIds().size(), "all but the cut graph");
        }
    }

    @Test
    void graphsThatAreNotArticlesAndFilesOfTriplesAreReportedAndTheRestLoads() throws IOException {
        Path nq = exported("all.nq", OutputFormat.NQUADS, false);
        Path stray = dir.resolve("stray.nq");
        Files.writeString(stray, Files.readString(nq, StandardCharsets.UTF_8)
                + "<https://example.org/a> <https://example.org/p> \"x\" <https://example.org/not-an-article> .\n"
                + "<https://example.org/a> <https://example.org/p> \"y\" .\n", StandardCharsets.UTF_8);
        Path turtle = exported("all.ttl", OutputFormat.TURTLE, false);
        try (GraphStore target = GraphStore.inMemory()) {
            IngestSummary summary = load(target, stray, turtle);

            assertEquals(source.articleIds(), target.articleIds());
            assertEquals(3, summary.failed(), heard.toString());
            List<String> failures = heard.stream().filter(h -> h.startsWith("failed")).toList();
            assertEquals(List.of(
                    "failed " + stray + ": graph <https://example.org/not-an-article> is not an article graph: it does"
                            + " not state the article's ng:articleId and ng:contentHash; not loaded",
                    "failed " + stray + ": 1 triples outside any named graph were not loaded; an article's facts must"
                            + " be in its own graph, as convert writes them",
                    "failed " + turtle + ": not a file of named graphs: give N-Quads (.nq), TriG (.trig) or JSON-LD"
                            + " (.jsonld), gzipped or not"), failures);
        }
    }

    @Test
    void aGraphSplitAcrossTheFileIsRefusedInItsLaterPart() throws IOException {
        Path nq = exported("all.nq", OutputFormat.NQUADS, false);
        List<String> lines = Files.readAllLines(nq, StandardCharsets.UTF_8);
        List<String> split = new ArrayList<>(lines);
        split.add(lines.get(0)); // the first graph comes again at the end
        Path file = dir.resolve("split.nq");
        Files.write(file, split, StandardCharsets.UTF_8);
        try (GraphStore target = GraphStore.inMemory()) {
            IngestSummary summary = load(target, file);

            assertEquals(1, summary.failed(), heard.toString());
            assertTrue(heard.stream().anyMatch(h -> h.startsWith("failed " + file + ": graph <")
                    && h.contains("> comes again after other graphs")), heard.toString());
            assertTrue(IsoMatcher.isomorphic(articles, TransferFixtures.articleGraphs(target, Set.of())),
                    "every graph whole, as in the first part");
        }
    }
}
