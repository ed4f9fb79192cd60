package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: its options, output and exit status, as {@code convert}'s. */
class SparkConvertIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // What spark-submit --master sets for the driver.
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        return SparkConvert.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void gzippedPartitionsAndExitStatusOneWhenSomeArticlesFailed() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("feed.jsonl"), """
                {"id": "mayor-resigns", "date": "2025-05-01", "text": "Mayor Tom Reed resigned on Monday."}
                {"id": "broken", "text": "no closing brace"
                """);
        Path output = dir.resolve("out");

        int exit = run("--gzip", "--partitions", "1", "--base", "http://example.org/news/",
                "--output", output.toString(), in.toString());

        assertEquals(SparkConvert.SOME_FAILED, exit, err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 article converted, 1 failed, "), out::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("feed.jsonl:2: malformed JSON"), err::toString);
        Path part = output.resolve("quads/part-00000.nq.gz");
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(part.toString());
        assertTrue(IsoMatcher.isomorphic(Corpus.convert(List.of(in), "http://example.org/news/").dataset(), written));
        try (GZIPInputStream errors = new GZIPInputStream(Files.newInputStream(output.resolve("errors/part-00000.txt.gz")))) {
            String text = new String(errors.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("feed.jsonl:2: malformed JSON"), text);
        }
    }

    @Test
    void existingOutputIsAnErrorBeforeAnyWork() throws IOException {
        Path output = Files.createDirectories(dir.resolve("out"));
        Files.writeString(output.resolve("keep.nq"), "");

        int exit = run("--output", output.toString(), dir.toString());

        assertEquals(SparkConvert.ERROR, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(output + ": already exists"), err::toString);
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(List.of(output.resolve("keep.nq")), files.toList());
        }
    }
}
