package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} mode on the sample articles, articles written here (a
 * {@code .txt} in a sub-folder, a {@code .jsonl}) and bad inputs: its N-Quads partitions hold
 * the dataset {@code convert} makes of the same files, and its errors are {@code convert}'s.
 */
class ConvertJobIT {

    @TempDir
    static Path dir;
    static Path corpus;
    static Path output;
    static JobSummary summary;
    static Corpus.Converted expected;

    @BeforeAll
    static void runJobAndConvert() throws IOException {
        corpus = dir.resolve("corpus");
        Corpus.copySamples(corpus.resolve("samples"));
        Files.createDirectories(corpus.resolve("local"));
        Files.writeString(corpus.resolve("local/harbour-budget.txt"), """
                date 2025-03-14
                Harbour council approves new budget

                The Harbour City Council approved its annual budget on Thursday after a long debate. \
                Mayor Elena Marsh said the plan would pay for two new schools and repair the old bridge.

                "This budget keeps our promises to families," Marsh told reporters outside the council chamber.

                Opposition leader Tomas Greave of the Green Alliance criticised the spending on roads.
                """);
        Files.writeString(corpus.resolve("wire.jsonl"), """
                {"id": "union-congress", "date": "2025-04-02", "text": "The Labour Union Party elected Maria Okafor as its chairwoman on Tuesday. Okafor said the party would campaign for higher wages."}
                {"id": "no-text", "date": "2025-04-03"}

                {"id": "harbour-budget", "text": "A second article under an id that a file already has."}
                """);
        Files.write(corpus.resolve("broken.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2});
        Files.writeString(corpus.resolve("README.md"), "Not an article: skipped, as convert skips it.");
        Files.writeString(corpus.resolve(".draft.txt"), "Dot files are skipped.");
        // Listed twice, read once.
        List<Path> inputs = List.of(corpus, corpus.resolve("local/harbour-budget.txt"));

        output = dir.resolve("graph");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("ConvertJobIT")
                .config("spark.ui.enabled", "false").getOrCreate();
        ConvertJob.Builder job = ConvertJob.builder().output(output.toString()).partitions(3);
        inputs.forEach(path -> job.input(path.toString()));
        summary = job.build().run(JavaSparkContext.fromSparkContext(spark.sparkContext()));

        expected = Corpus.convert(inputs);
    }

    @AfterAll
    static void stopSpark() {
        SparkSession.active().stop();
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(output.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    @Test
    void partitionsHoldTheDatasetConvertMakes() throws IOException {
        DatasetGraph written = DatasetGraphFactory.create();
        for (Path part : files("quads")) {
            RDFDataMgr.read(written, part.toString());
        }

        assertEquals(3, expected.dataset().size(), "graphs convert made: the sample, harbour-budget, union-congress");
        assertTrue(IsoMatcher.isomorphic(expected.dataset(), written),
                "the job's output is not the graph convert makes");
    }

    @Test
    void partitionsAreNQuadsFilesForBulkLoaders() throws IOException {
        List<Path> parts = files("quads");

        assertFalse(parts.isEmpty());
        assertTrue(parts.stream().allMatch(p -> p.getFileName().toString().matches("part-\\d{5}\\.nq")), parts::toString);
        assertTrue(Files.exists(output.resolve("_SUCCESS")));
    }

    @Test
    void badFilesAndArticlesAreTheErrorsConvertReports() throws IOException {
        Set<String> errors = new TreeSet<>();
        for (Path part : files("errors")) {
            Files.readAllLines(part).forEach(line -> errors.add(Corpus.localSource(line)));
        }

        assertEquals(3, expected.failures().size(), expected.failures()::toString);
        assertEquals(expected.failures(), errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("broken.txt: binary file")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("wire.jsonl:4: duplicate article id 'harbour-budget'")),
                errors::toString);
    }

    @Test
    void summaryCountsArticlesQuadsAndFailures() {
        assertEquals(3, summary.articles());
        assertEquals(expected.dataset().stream().count(), summary.quads());
        assertEquals(3, summary.failures());
        assertEquals(expected.failures(), new TreeSet<>(summary.firstFailures().stream().map(Corpus::localSource).toList()));
    }
}
