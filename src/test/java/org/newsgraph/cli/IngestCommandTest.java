package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.LockHolder;
import picocli.CommandLine;

/** {@code newsgraph ingest} with an annotator that needs no models: output, exit codes, re-runs, deletes. */
class IngestCommandTest {

    /** Finds no sentences, so each article's graph is its article node. */
    static final Annotator NO_NLP = (text, date) ->
            new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());

    @TempDir
    Path tmp;
    Path in;
    Path db;

    /** What one run printed on standard error, and its exit status. */
    record Run(int exit, String err) {
        boolean hasLine(String start, String... parts) {
            return err.lines().anyMatch(l -> l.startsWith(start) && List.of(parts).stream().allMatch(l::contains));
        }
    }

    /** Runs the command line as {@link Main#run} does, with the model-free annotator. */
    static Run run(String... args) {
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == IngestCommand.class ? type.cast(new IngestCommand(NO_NLP)) : CommandLine.defaultFactory().create(type);
            }
        });
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);
        int exit = cli.execute(args);
        return new Run(exit, err.toString());
    }

    @BeforeEach
    void articles() throws IOException {
        in = Files.createDirectories(tmp.resolve("in"));
        db = tmp.resolve("db");
        Files.writeString(in.resolve("council.txt"), "date 2025-04-02\nCity council leader Ann Moore said the budget would pass.\n");
        Files.writeString(in.resolve("mayor.txt"), "Mayor Tom Reed resigned on Monday.\n");
        Files.writeString(in.resolve("feed.jsonl"), """
                {"id": "feed-one", "date": "2025-05-01", "text": "Senator Lisa Park said the bill would pass."}
                {"id": "broken", "text": "no closing brace"
                """);
        Files.write(in.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2});
    }

    private Set<String> storedIds() {
        try (GraphStore store = GraphStore.open(db)) {
            return store.articleIds();
        }
    }

    @Test
    void ingestsAFolderWithALinePerArticleAnErrorPerBadInputAndASummary() {
        Run run = run("ingest", in.toString(), "--db", db.toString());

        assertEquals(Main.SOME_FAILED, run.exit(), run.err());
        assertTrue(run.hasLine("error: ", "binary.txt", "binary"), run.err());
        assertTrue(run.hasLine("error: ", "feed.jsonl:2", "JSON"), run.err());
        assertTrue(run.hasLine("[", "/5] council: ", "triples ingested in"), run.err());
        assertTrue(run.hasLine("3 ingested, 0 unchanged, 2 failed, ", " triples in store, "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack traces without --verbose:\n" + run.err());
        assertEquals(Set.of("council", "feed-one", "mayor"), storedIds());
    }

    @Test
    void aMissingLexiconFolderOrAnUnknownProfileStopsIngestBeforeAnyArticle() {
        Path missing = in.resolve("no-such-word-lists");

        Run lexicon = run("ingest", in.toString(), "--db", db.toString(), "--lexicon", missing.toString());
        Run profile = run("ingest", in.toString(), "--db", db.toString(), "--profile", "fastest");

        assertEquals(Main.ERROR, lexicon.exit(), lexicon.err());
        assertTrue(lexicon.err().contains("--lexicon " + missing + ": no such folder"), lexicon.err());
        assertEquals(Main.ERROR, profile.exit(), profile.err());
        assertTrue(profile.err().contains("--profile: unknown profile 'fastest': use one of fast, accurate"), profile.err());
        assertEquals(Set.of(), storedIds());
    }

    @Test
    void anArticleOverMaxNlpCharsFailsNamingItAndTheOthersAreIngested() {
        // council.txt's text is 57 characters, feed-one's 43, mayor.txt's 34.
        Run run = run("ingest", in.toString(), "--db", db.toString(), "--max-nlp-chars", "45");

        assertEquals(Main.SOME_FAILED, run.exit(), run.err());
        assertTrue(run.hasLine("error: " + in.resolve("council.txt") + ": conversion failed: too long for the NLP: 57 characters,"
                + " the limit is 45; split it, or raise the limit (--max-nlp-chars)"), run.err());
        assertEquals(Set.of("feed-one", "mayor"), storedIds());
    }

    @Test
    void aNlpBudgetOfNothingStopsIngestBeforeAnyArticle() {
        Run chars = run("ingest", in.toString(), "--db", db.toString(), "--max-nlp-chars", "0");
        Run time = run("ingest", in.toString(), "--db", db.toString(), "--nlp-timeout", "0");

        assertEquals(Main.ERROR, chars.exit(), chars.err());
        assertTrue(chars.err().contains("--max-nlp-chars must be a positive number of characters"), chars.err());
        assertEquals(Main.ERROR, time.exit(), time.err());
        assertTrue(time.err().contains("--nlp-timeout must be a positive number of seconds"), time.err());
        assertEquals(Set.of(), storedIds());
    }

    @Test
    void aSecondRunSkipsUnchangedArticlesAndReplacesChangedOnes() throws IOException {
        Files.delete(in.resolve("binary.txt"));
        Run first = run("ingest", in.toString(), "--db", db.toString());
        String triples = first.err().lines().filter(l -> l.contains(" triples in store")).findFirst().orElseThrow()
                .replaceAll(".* failed, (\\d+) triples in store.*", "$1");
        Files.writeString(in.resolve("mayor.txt"), "Mayor Tom Reed resigned on Tuesday.\n");

        Run second = run("ingest", in.toString(), "--db", db.toString());

        assertTrue(second.hasLine("[", "council: unchanged, skipped"), second.err());
        assertTrue(second.hasLine("[", "mayor: ", "replacing its old graph"), second.err());
        assertTrue(second.hasLine("1 ingested, 2 unchanged, 1 failed, " + triples + " triples in store"), second.err());
        assertEquals(Set.of("council", "feed-one", "mayor"), storedIds());
    }

    @Test
    void deleteRemovesArticlesWithOrWithoutPathsAndAnUnknownIdIsAnError() {
        run("ingest", in.toString(), "--db", db.toString());

        Run delete = run("ingest", "--db", db.toString(), "--delete", "mayor", "--delete", "feed-one");
        Run unknown = run("ingest", "--db", db.toString(), "--delete", "nope");
        Run both = run("ingest", in.resolve("mayor.txt").toString(), "--db", db.toString(), "--delete", "council");

        assertEquals(Main.OK, delete.exit(), delete.err());
        assertTrue(delete.hasLine("deleted mayor"), delete.err());
        assertTrue(delete.hasLine("2 deleted, 0 ingested, 0 unchanged, 0 failed, "), delete.err());
        assertEquals(Main.SOME_FAILED, unknown.exit(), unknown.err());
        assertTrue(unknown.hasLine("error: --delete nope: no article with that id in the store"), unknown.err());
        assertEquals(Main.OK, both.exit(), both.err());
        assertTrue(both.hasLine("1 deleted, 1 ingested, 0 unchanged, 0 failed, "), both.err());
        assertEquals(Set.of("mayor"), storedIds());
    }

    @Test
    void withoutDbItIngestsIntoMemoryAndSaysNothingIsKept() throws IOException {
        Run run = run("ingest", in.resolve("council.txt").toString());

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.hasLine("no --db: ingesting into memory"), run.err());
        assertTrue(run.hasLine("1 ingested, 0 unchanged, 0 failed, ", "(in memory: nothing was kept)"), run.err());
        assertFalse(Files.exists(db));
    }

    @Test
    void quietShowsOnlyErrorsAndTheSummary() {
        Run run = run("ingest", in.toString(), "--db", db.toString(), "-q");

        List<String> lines = run.err().lines().toList();
        assertEquals(3, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(1).startsWith("error: "), run.err());
        assertTrue(lines.get(2).startsWith("3 ingested"), run.err());
    }

    @Test
    void neitherPathsNorDeleteIsAUsageError() {
        Run run = run("ingest", "--db", db.toString());

        assertEquals(Main.ERROR, run.exit());
        assertTrue(run.err().contains("Give article paths to ingest, --delete ID, or both"), run.err());
    }

    @Test
    void aDatabaseInUseByAnotherProcessIsAOneLineErrorWithExitStatusTwo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), db.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("open"), "the other process opened the database");

            Run run = run("ingest", in.toString(), "--db", db.toString());

            assertEquals(Main.ERROR, run.exit(), run.err());
            assertEquals(List.of("newsgraph: database " + db + " is in use by another newsgraph process (process "
                    + holder.pid() + "); TDB2 allows one process per database: wait for it to finish, stop it, or use "
                    + "another folder"), run.err().lines().toList());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theProgressTotalCountsJsonLinesNotFiles() throws IOException {
        Files.writeString(in.resolve("more.jsonl"), "{\"text\": \"a\"}\n\n  \n{\"text\": \"b\"}\r\n{\"text\": \"c\"}");

        long total = IngestCommand.countArticles(List.of(in.resolve("council.txt"), in.resolve("more.jsonl"),
                in.resolve("feed.jsonl")));

        assertEquals(1 + 3 + 2, total);
    }
}
