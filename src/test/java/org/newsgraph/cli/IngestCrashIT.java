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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.read.Article;
import org.newsgraph.store.GraphStore;

/**
 * A batch ingest killed (SIGKILL) in the middle leaves only complete article graphs, and
 * running it again skips those and finishes the rest. The first run is a child JVM, which
 * loads CoreNLP itself; the second runs in this JVM.
 */
class IngestCrashIT {

    private static final String SAMPLE = "data/articles/mqm-bahadurabad-2025-02-09.txt";
    /** A progress line of a stored article, as printed when standard error is not a terminal. */
    private static final Pattern INGESTED_LINE = Pattern.compile("\\[\\d+/\\d+] \\S+: \\d+ triples ingested in .*");
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    @TempDir
    Path tmp;

    /** Eight articles: short ones that convert fast, and copies of the sample under other names. */
    private Path articles() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // Sorted by name, the first article is short: it is stored while the long ones are still ahead.
        Files.writeString(in.resolve("a-council.txt"), "date 2025-04-02\nCouncil votes on budget\n\n"
                + "City council leader Ann Moore said on Tuesday that the budget would protect libraries.\n");
        for (int i = 1; i <= 3; i++) {
            Files.copy(Path.of(SAMPLE), in.resolve("b-sample-" + i + ".txt"));
        }
        Files.writeString(in.resolve("c-mayor.txt"), "date 2025-05-01\nMayor Tom Reed resigned on Monday after the vote.\n");
        Files.writeString(in.resolve("d-senator.txt"), "Senator Lisa Park said the bill would pass before the summer recess.\n");
        Files.writeString(in.resolve("e-minister.txt"),
                "date 2025-03-10\nFinance Minister Omar Khan announced new taxes in Karachi on Friday.\n");
        Files.writeString(in.resolve("f-march.txt"), "Thousands of workers marched through Lahore on Sunday.\n");
        return in;
    }

    @Test
    void aKilledBatchLeavesOnlyCompleteGraphsAndARerunFinishesIt() throws Exception {
        Path in = articles();
        Path db = tmp.resolve("db");
        Map<String, Article> articles = CrashFixtures.read(in);
        assertEquals(8, articles.size());

        List<String> childOutput = ingestInChildAndKillAfterFirstArticle(in, db);

        ArticleConverter converter = ArticleConverter.builder().build();
        Map<String, Graph> survivors = new TreeMap<>();
        try (GraphStore store = GraphStore.open(db)) {
            store.articleIds().forEach(id -> survivors.put(id, store.findArticleGraph(id).orElseThrow()));
            assertFalse(survivors.isEmpty(), "an article was stored before the kill:\n" + childOutput);
            assertTrue(survivors.size() < articles.size(), "the kill came before the end of the batch:\n" + childOutput);
            assertEquals(survivors.size() + 1, CrashFixtures.graphCount(store), "every graph but the ontology's is an article's");
        }
        survivors.forEach((id, stored) ->
                assertTrue(stored.isIsomorphicWith(CrashFixtures.convert(converter, articles.get(id))), id + " is stored complete"));

        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(err, true), "ingest", in.toString(), "--db", db.toString());

        assertEquals(Main.OK, exit, err.toString());
        int rest = articles.size() - survivors.size();
        assertTrue(err.toString().contains(rest + " ingested, " + survivors.size() + " unchanged, 0 failed, "), err.toString());
        survivors.keySet().forEach(id -> assertTrue(err.toString().contains("] " + id + ": unchanged, skipped"), err.toString()));
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(articles.keySet(), store.articleIds());
            assertEquals(articles.size() + 1, CrashFixtures.graphCount(store), "no graph twice");
            articles.values().forEach(a -> assertTrue(store.contains(a.id(), a.contentHash()), a.id()));
            survivors.forEach((id, before) ->
                    assertTrue(store.findArticleGraph(id).orElseThrow().isIsomorphicWith(before), id + " left as it was"));
            Article later = articles.get("c-mayor");
            assertTrue(store.findArticleGraph(later.id()).orElseThrow().isIsomorphicWith(CrashFixtures.convert(converter, later)),
                    "an article of the re-run is stored complete");
        }
    }

    /** Runs {@code newsgraph ingest} in a child JVM and kills it as soon as it reports one stored article. */
    private static List<String> ingestInChildAndKillAfterFirstArticle(Path in, Path db) throws Exception {
        ChildRun child = ChildRun.start("3g", "ingest", in.toString(), "--db", db.toString());
        try {
            child.awaitLines(line -> INGESTED_LINE.matcher(line).matches(), 1, CHILD_TIMEOUT_SECONDS);
        } finally {
            child.kill();
        }
        return child.output;
    }

}
