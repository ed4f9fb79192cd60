package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * The job in {@code local[2]} mode with a fake annotator that fails on some articles, as a
 * CoreNLP crash would: those become error lines, every other article is written, and the
 * job ends normally, however the articles are partitioned. No NLP models are loaded.
 */
class ConvertJobTest {

    /** Fails on every text that contains "CRASH"; otherwise finds nothing. */
    private static final Annotator FAKE = (text, date) -> {
        if (text.contains("CRASH")) {
            throw new IllegalStateException("annotator broke on purpose");
        }
        return new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());
    };

    @TempDir
    static Path dir;
    static Path corpus;
    static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() throws IOException {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 1; i <= 6; i++) {
            Files.writeString(corpus.resolve("good-" + i + ".txt"), "date 2025-06-0" + i + "\nHeadline " + i
                    + "\n\nThe council met for the " + i + " time this year.\n");
        }
        Files.createDirectories(corpus.resolve(".git"));
        Files.writeString(corpus.resolve(".git/description.txt"), "Hidden folders are skipped, as convert skips them.");
        Files.writeString(corpus.resolve(".notes.txt"), "So are dot files.");
        Files.writeString(corpus.resolve("crash.txt"), "The annotator will CRASH on this one.\n");
        Files.writeString(corpus.resolve("feed.jsonl"), """
                {"id": "feed-good", "text": "A quiet day at the assembly."}
                {"id": "feed-crash", "text": "Another CRASH."}
                """);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("ConvertJobTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    /** The settings the tasks made their converters with (local mode: the tasks run in this JVM). */
    private static final Set<ConverterSettings> SEEN = ConcurrentHashMap.newKeySet();

    private static ArticleConverter fakeConverter(ConverterSettings settings) {
        SEEN.add(settings);
        return ArticleConverter.builder().annotator(FAKE).iris(new IriMinter(settings.base()))
                .lexicon(settings.words()).build();
    }

    private static JobSummary run(Path output, int partitions) {
        return ConvertJob.builder().input(corpus.toString()).output(output.toString()).partitions(partitions)
                .converters(ConvertJobTest::fakeConverter).build().run(sc);
    }

    private static DatasetGraph quads(Path output) throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (Stream<Path> parts = Files.list(output.resolve("quads"))) {
            parts.filter(p -> p.toString().endsWith(".nq")).forEach(p -> RDFDataMgr.read(dataset, p.toString()));
        }
        return dataset;
    }

    private static Set<String> errors(Path output) throws IOException {
        Set<String> errors = new TreeSet<>();
        try (Stream<Path> parts = Files.list(output.resolve("errors"))) {
            for (Path part : parts.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.readAllLines(part).forEach(line -> errors.add(Corpus.localSource(line)));
            }
        }
        return errors;
    }

    /** What convert writes for the corpus: the articles the fake annotator does not fail on. */
    private static DatasetGraph convertedWithoutCrashes() {
        ArticleConverter converter = fakeConverter(new ConverterSettings(IriMinter.DEFAULT_BASE, NlpProfile.DEFAULT, Map.of()));
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (Stream<ReadResult> results = ArticleReader.create().read(List.of(corpus))) {
            results.map(r -> ((ReadResult.Success) r).article())
                    .filter(article -> !article.text().contains("CRASH"))
                    .forEach(article -> converter.convert(article).forEach(dataset::add));
        }
        return dataset;
    }

    @Test
    void failedConversionsAreErrorLinesAndTheOtherArticlesAreWritten() throws IOException {
        Path output = dir.resolve("out-4");

        JobSummary summary = run(output, 4);

        assertEquals(Set.of(corpus.resolve("crash.txt") + ": conversion failed: annotator broke on purpose",
                        corpus.resolve("feed.jsonl") + ":2: conversion failed: annotator broke on purpose"),
                errors(output));
        assertEquals(7, summary.articles());
        assertEquals(2, summary.failures());
        DatasetGraph written = quads(output);
        assertEquals(7, written.size());
        assertTrue(IsoMatcher.isomorphic(convertedWithoutCrashes(), written));
    }

    @Test
    void theGraphIsTheSameWhateverThePartitioning() throws IOException {
        run(dir.resolve("out-1"), 1);
        run(dir.resolve("out-7"), 7);

        assertTrue(IsoMatcher.isomorphic(quads(dir.resolve("out-1")), quads(dir.resolve("out-7"))));
        assertEquals(errors(dir.resolve("out-1")), errors(dir.resolve("out-7")));
    }

    @Test
    void theLexiconFolderIsReadOnceAndEveryTaskGetsItsWordLists() throws IOException {
        Path lexicon = Files.createDirectories(dir.resolve("lexicon"));
        Files.writeString(lexicon.resolve("titles.txt"), "parish clerk\n");
        SEEN.clear();

        ConvertJob.builder().input(corpus.toString()).output(dir.resolve("out-lexicon").toString()).partitions(3)
                .lexicon(lexicon.toString()).converters(ConvertJobTest::fakeConverter).build().run(sc);

        assertEquals(Set.of(Map.of("titles.txt", "parish clerk\n")),
                SEEN.stream().map(ConverterSettings::lexicon).collect(Collectors.toSet()));
    }

    @Test
    void aMissingLexiconFolderStopsTheJobBeforeAnyWork() {
        ConvertJob job = ConvertJob.builder().input(corpus.toString()).output(dir.resolve("out-none").toString())
                .lexicon(dir.resolve("no-lexicon").toString()).converters(ConvertJobTest::fakeConverter).build();

        NewsgraphException e = assertThrows(NewsgraphException.class, () -> job.run(sc));

        assertTrue(e.getMessage().endsWith("no-lexicon: lexicon folder not found"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out-none")));
    }
}
