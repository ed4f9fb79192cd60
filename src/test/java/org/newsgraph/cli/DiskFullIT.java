package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.read.Article;
import org.newsgraph.store.GraphStore;

/**
 * An ingest that runs out of disk space: the database lives on a tmpfs of {@value #SMALL}
 * mounted by the test (root only; CI runs as root), the ingest runs in a child JVM with the
 * model-free annotator, and the articles carry long titles so that the store outgrows the disk.
 * The ingest must stop with a clear error, leave only complete article graphs in a store that
 * opens again, and, once the disk has room, finish on a second run that skips what was stored.
 */
class DiskFullIT {

    private static final String SMALL = "2m";
    private static final int ARTICLES = 80;
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    @TempDir
    Path tmp;
    private Path mountPoint;

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            command("umount", mountPoint.toString());
        }
    }

    @Test
    void anIngestThatFillsTheDiskStopsCleanlyAndARerunFinishesOnceThereIsRoom() throws Exception {
        mountPoint = Files.createDirectories(tmp.resolve("small-disk"));
        Result mount = command("mount", "-t", "tmpfs", "-o", "size=" + SMALL, "tmpfs", mountPoint.toString());
        if (mount.exit() != 0) {
            mountPoint = null;
        }
        assumeTrue(mount.exit() == 0, "this test mounts a small tmpfs and needs root (CI runs as root): " + mount.output());
        Path in = articles();
        Path db = mountPoint.resolve("db");
        Map<String, Article> articles = CrashFixtures.read(in);
        assertEquals(ARTICLES, articles.size());

        Result full = ingestInChild(in, db);

        assertEquals(Main.ERROR, full.exit(), "stopped with an error, no crash:\n" + full.output());
        List<String> errors = full.output().lines().filter(l -> l.startsWith("newsgraph: ") || l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), full.output());
        assertTrue(errors.get(0).matches("newsgraph: .*reports\\.jsonl:\\d+: database .* could not be written: .*"
                + "No space left on device.*run the same command again.*"), errors.get(0));
        assertFalse(full.output().contains("\tat "), "no stack trace:\n" + full.output());
        ArticleConverter converter = ArticleConverter.builder().annotator(IngestCommandTest.NO_NLP).build();
        Map<String, Graph> stored = new TreeMap<>();
        try (GraphStore store = GraphStore.open(db)) {
            store.articleIds().forEach(id -> stored.put(id, store.findArticleGraph(id).orElseThrow()));
            assertTrue(stored.size() < ARTICLES, "the disk filled up before the end: " + stored.size());
            assertEquals(stored.size() + 1, CrashFixtures.graphCount(store), "every graph but the ontology's is an article's");
            stored.forEach((id, graph) -> {
                assertTrue(graph.isIsomorphicWith(CrashFixtures.convert(converter, articles.get(id))), id + " is stored complete");
                assertTrue(store.contains(id, articles.get(id).contentHash()), id + " has its hash");
            });
        }

        assertEquals(0, command("mount", "-o", "remount,size=64m", mountPoint.toString()).exit(), "room again");
        Result rerun = ingestInChild(in, db);

        assertEquals(Main.OK, rerun.exit(), rerun.output());
        assertTrue(rerun.output().contains((ARTICLES - stored.size()) + " ingested, " + stored.size() + " unchanged, 0 failed"),
                rerun.output());
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(articles.keySet(), store.articleIds());
            articles.values().forEach(a -> assertTrue(
                    store.findArticleGraph(a.id()).orElseThrow().isIsomorphicWith(CrashFixtures.convert(converter, a)), a.id()));
        }
    }

    /** Articles whose long, different titles make each graph about 40 KB of node data. */
    private Path articles() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Random random = new Random(8);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= ARTICLES; i++) {
            StringBuilder title = new StringBuilder("Council report ").append(i).append(':');
            while (title.length() < 40_000) {
                title.append(' ').append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)))
                        .append((char) ('a' + random.nextInt(26)));
            }
            lines.append(String.format("{\"id\": \"report-%02d\", \"date\": \"2025-03-01\", \"title\": \"%s\", "
                    + "\"text\": \"The council met on Monday.\"}%n", i, title));
        }
        Files.writeString(in.resolve("reports.jsonl"), lines, StandardCharsets.UTF_8);
        return in;
    }

    record Result(int exit, String output) {
    }

    private static Result ingestInChild(Path in, Path db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), ModelFreeIngest.class.getName(),
                "ingest", in.toString(), "--db", db.toString()));
    }

    private static Result command(String... command) throws Exception {
        return run(List.of(command));
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), String.join(" ", command));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
