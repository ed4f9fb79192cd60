package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine;

/** {@code newsgraph compact} on a store whose articles were each replaced several times. */
class CompactCommandTest {

    private static final int ARTICLES = 100;
    private static final int VERSIONS = 6;

    @TempDir
    Path tmp;

    @Test
    void aStoreOfReplacedArticlesShrinksAndKeepsTheLastVersionOfEach() throws Exception {
        Path db = tmp.resolve("db");
        Random random = new Random(3);
        Set<String> lastTitles = new TreeSet<>();
        try (GraphStore store = GraphStore.open(db)) {
            for (int v = 1; v <= VERSIONS; v++) {
                for (int a = 0; a < ARTICLES; a++) {
                    String title = "version " + v + " " + words(random, 40_000);
                    store.put("report-" + a, "hash-" + a + "-" + v, graph("report-" + a, "hash-" + a + "-" + v, title));
                    if (v == VERSIONS) {
                        lastTitles.add(title);
                    }
                }
            }
        }
        long before = size(db);

        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("compact", "--db", db.toString());

        assertEquals(Main.OK, exit, err.toString());
        assertTrue(err.toString().matches("(?s)compacted .*db: [0-9.]+ MB -> [0-9.]+ MB in [0-9.]+ s\\s*"), err.toString());
        long after = size(db);
        // 24 MB of titles were written, 20 MB of them replaced: TDB2's files keep those until
        // compacted (its index files are allocated ahead in large pieces, so they hardly change).
        assertTrue(before - after > 10L * 1024 * 1024, "from " + before + " to " + after + " bytes");
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(ARTICLES, store.articleIds().size());
            Set<String> titles = new TreeSet<>();
            for (String id : store.articleIds()) {
                store.findArticleGraph(id).orElseThrow().find(Node.ANY, DCTerms.title.asNode(), Node.ANY)
                        .forEach(t -> titles.add(t.getObject().getLiteralLexicalForm()));
                assertEquals("hash-" + id.substring("report-".length()) + "-" + VERSIONS, store.findContentHash(id).orElseThrow());
            }
            assertEquals(lastTitles, titles, "each article as it was last stored");
        }
    }

    @Test
    void aFolderWithoutADatabaseIsAnErrorNamingIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);

        int exit = cli.execute("compact", "--db", tmp.resolve("nothing").toString());

        assertEquals(Main.ERROR, exit);
        assertTrue(err.toString().contains("no newsgraph database in " + tmp.resolve("nothing")), err.toString());
    }

    private static List<Quad> graph(String id, String hash, String title) {
        Node g = IriMinter.standard().article(id);
        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(g, g, NG.articleId.asNode(), NodeFactory.createLiteralString(id)));
        quads.add(Quad.create(g, g, NG.contentHash.asNode(), NodeFactory.createLiteralString(hash)));
        quads.add(Quad.create(g, g, DCTerms.title.asNode(), NodeFactory.createLiteralString(title)));
        return quads;
    }

    private static String words(Random random, int letters) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            b.append(i % 6 == 5 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static long size(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
