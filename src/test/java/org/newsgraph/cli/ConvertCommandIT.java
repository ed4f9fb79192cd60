package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.ShapeCheck;

/**
 * {@code newsgraph convert} on a batch that mixes good articles with every kind of bad
 * input: each bad one gets its error line, the good ones are all in the output.
 */
class ConvertCommandIT {

    @TempDir
    static Path dir;
    static int exit;
    static String errors;
    static DatasetGraph output;

    @BeforeAll
    static void convertBatch() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("data/articles/mqm-bahadurabad-2025-02-09.txt"), in.resolve("sample.txt"));
        Files.writeString(in.resolve("good.txt"), "date 2025-04-02\nCouncil votes on budget\n\n"
                + "City council leader Ann Moore said on Tuesday that the budget would protect libraries.\n");
        Files.writeString(in.resolve("bad-date.txt"), "date 2025-13-45 The council met.\n");
        Files.writeString(in.resolve("empty.txt"), "   \n\n");
        Files.write(in.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2});
        Files.write(in.resolve("latin1.txt"), "Caf\u00e9 owners protested.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("feed.jsonl"), """
                {"id": "feed-one", "date": "2025-05-01", "text": "Mayor Tom Reed resigned on Monday."}
                {"id": "broken", "text": "no closing brace"
                {"id": "feed-three", "text": "Senator Lisa Park said the bill would pass."}
                """);
        // Gzipped, as the name asks; Jena reads .nq.gz as gzipped N-Quads.
        Path out = dir.resolve("out.nq.gz");
        StringWriter err = new StringWriter();
        exit = Main.run(new PrintWriter(err, true), "convert", in.toString(), "-o", out.toString(), "-f", "nquads");
        errors = err.toString();
        output = RDFDataMgr.loadDatasetGraph(out.toString());
    }

    private static Set<String> graphIds() {
        Set<String> ids = new TreeSet<>();
        output.listGraphNodes().forEachRemaining(g -> ids.add(g.getURI().substring(g.getURI().lastIndexOf('/') + 1)));
        return ids;
    }

    @Test
    void theOutputFileIsCompleteUnderItsNameWithNoPartialFileLeft() {
        assertTrue(Files.exists(dir.resolve("out.nq.gz")));
        assertFalse(Files.exists(dir.resolve("out.nq.gz.part")));
    }

    @Test
    void exitStatusSaysSomeFailed() {
        assertEquals(Main.SOME_FAILED, exit, errors);
    }

    @Test
    void everyGoodArticleHasItsGraph() {
        assertEquals(Set.of("feed-one", "feed-three", "good", "sample"), graphIds());
    }

    @Test
    void eachBadInputGetsOneErrorLineNamingItAndItsProblem() {
        assertErrorLine("bad-date.txt", "2025-13-45");
        assertErrorLine("empty.txt", "empty");
        assertErrorLine("binary.txt", "binary");
        assertErrorLine("latin1.txt", "UTF-8");
        assertErrorLine("feed.jsonl:2", "JSON");
        assertTrue(errors.contains("4 articles converted, 5 failed"), errors);
        assertTrue(!errors.contains("\tat "), "no stack traces without --verbose:\n" + errors);
    }

    private static void assertErrorLine(String source, String problem) {
        boolean found = errors.lines().anyMatch(l -> l.startsWith("error: ") && l.contains(source) && l.contains(problem));
        assertTrue(found, "no error line for " + source + " mentioning '" + problem + "' in:\n" + errors);
    }

    @Test
    void everyArticleGraphConformsToTheShapes() {
        output.listGraphNodes().forEachRemaining((Node g) -> {
            ValidationReport report = ShapeCheck.validate(output.getGraph(g));
            assertTrue(report.conforms(), () -> g + ": " + report.getEntries());
        });
    }

    @Test
    void unknownFormatIsAUsageErrorNamingTheChoices() {
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(err, true), "convert", dir.resolve("in/good.txt").toString(), "-f", "yaml");
        assertEquals(Main.ERROR, status);
        assertTrue(err.toString().contains("unknown output format 'yaml'"), err.toString());
    }
}
