package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.transfer.Parsers;
import org.newsgraph.store.GraphStore;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input}, see its README) mixed with good
 * articles, through {@code newsgraph convert} and {@code newsgraph ingest} with the real NLP
 * pipeline: every case ends as its manifest says, and every good article is in the output and
 * in the store.
 */
class BadInputCorpusIT {

    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final Path SAMPLE = Path.of("data/articles/mqm-bahadurabad-2025-02-09.txt");
    private static final String SAMPLE_ID = "mqm-bahadurabad-2025-02-09";

    /** One line of MANIFEST.tsv. */
    record Case(String name, boolean generated, String outcome, String expected, String what) {
        static Case parse(String line) {
            String[] f = line.split("\t", -1);
            assertEquals(5, f.length, "manifest line: " + line);
            return new Case(f[0], f[1].equals("generated"), f[2], f[3], f[4]);
        }

        Set<String> ids() {
            return Arrays.stream(expected.split(",")).collect(Collectors.toCollection(TreeSet::new));
        }

        /** How its source starts an error line: the path, and for a JSONL line its number. */
        String sourceMark() {
            return "/" + name + ": ";
        }
    }

    @TempDir
    static Path tmp;
    static Path in;
    static List<Case> cases;
    static int convertExit;
    static String convertErrors;
    static DatasetGraph output;
    static int ingestExit;
    static String ingestErrors;
    static Path db;

    @BeforeAll
    // A FIFO opened by mistake blocks in open(2), which no interrupt ends: on a thread of its
    // own the run fails after the timeout instead of hanging the build.
    @Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    static void runTheCorpusThroughConvertAndIngest() throws IOException {
        cases = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(Case::parse).toList();
        in = Files.createDirectories(tmp.resolve("in"));
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().matches("MANIFEST.tsv|README.md")).toList()) {
                Files.copy(f, in.resolve(f.getFileName().toString()));
            }
        }
        Files.copy(SAMPLE, in.resolve(SAMPLE.getFileName()));
        writeGeneratedCases(in);

        Path out = tmp.resolve("out.nq");
        StringWriter err = new StringWriter();
        convertExit = Main.run(new PrintWriter(err, true), "convert", in.toString(), "-o", out.toString());
        convertErrors = err.toString();
        output = RDFDataMgr.loadDatasetGraph(out.toString());

        db = tmp.resolve("db");
        StringWriter ingestErr = new StringWriter();
        ingestExit = Main.run(new PrintWriter(ingestErr, true), "ingest", in.toString(), "--db", db.toString());
        ingestErrors = ingestErr.toString();
    }

    private static void writeGeneratedCases(Path in) throws IOException {
        byte[] sentence = "Union members gathered outside the depot on Tuesday. ".getBytes(StandardCharsets.UTF_8);
        try (OutputStream huge = Files.newOutputStream(in.resolve("huge-20mb.txt"))) {
            for (long written = 0; written < 20L * 1024 * 1024; written += sentence.length) {
                huge.write(sentence);
            }
        }
        // 35,850 sentences: 1,900,050 bytes, 1,900,049 characters once the last space is trimmed.
        Files.write(in.resolve("too-long-for-nlp.txt"), new String(sentence, StandardCharsets.UTF_8).repeat(35_850)
                .getBytes(StandardCharsets.UTF_8));
        Path looped = Files.createDirectories(in.resolve("looped"));
        Files.writeString(looped.resolve("inside-loop.txt"), "The city council met in Quetta on Monday.\n");
        Files.createSymbolicLink(looped.resolve("again"), looped);
        Path unreadable = Files.writeString(in.resolve("unreadable.txt"), "The council met on Monday.\n");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        Files.createSymbolicLink(in.resolve("io-error.txt"), Path.of("/proc/self/mem"));
        mkfifo(in.resolve("fifo.txt"));
        Files.createSymbolicLink(in.resolve("dev-zero.txt"), Path.of("/dev/zero"));
        try (RandomAccessFile sparse = new RandomAccessFile(in.resolve("sparse-3gb.jsonl").toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024); // no disk used
        }
    }

    private static void mkfifo(Path path) throws IOException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                    "mkfifo " + path + ": " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a FIFO", e);
        }
    }

    /**
     * The outcome expected of {@code c} here: the manifest's, except that root reads a file of
     * mode 000 (the manifest says so); {@code io-error.txt} covers an unreadable file for root.
     */
    private static Case expected(Case c) {
        if (c.name().equals("unreadable.txt") && Files.isReadable(in.resolve(c.name()))) {
            return new Case(c.name(), true, "converts", "unreadable", c.what());
        }
        return c;
    }

    private static List<Case> expectedCases() {
        return cases.stream().map(BadInputCorpusIT::expected).toList();
    }

    private static Set<String> idsThatConvert() {
        Set<String> ids = new TreeSet<>(Set.of(SAMPLE_ID));
        expectedCases().stream().filter(c -> c.outcome().equals("converts")).forEach(c -> ids.addAll(c.ids()));
        return ids;
    }

    private static List<Case> errorCases() {
        return expectedCases().stream().filter(c -> c.outcome().equals("error")).toList();
    }

    @Test
    void theManifestHasAtLeastTwentyCasesAndListsEveryFileOfTheCorpus() throws IOException {
        Set<String> listed = cases.stream().filter(c -> !c.generated()).map(c -> c.name().replaceAll(":\\d+$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.map(f -> f.getFileName().toString()).filter(n -> !n.matches("MANIFEST.tsv|README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertEquals(files, listed);
        assertTrue(cases.size() >= 20, cases.size() + " cases");
        assertTrue(cases.stream().allMatch(c -> Set.of("converts", "error", "skipped").contains(c.outcome())), cases.toString());
    }

    @Test
    void convertGivesEveryBadCaseOneErrorLineNamingItsFile() {
        assertOneErrorLinePerCase(convertErrors);
        assertEquals(Main.SOME_FAILED, convertExit, convertErrors);
        assertTrue(convertErrors.contains(idsThatConvert().size() + " articles converted, " + errorCases().size() + " failed"),
                convertErrors);
    }

    @Test
    void ingestGivesEveryBadCaseOneErrorLineNamingItsFile() {
        assertOneErrorLinePerCase(ingestErrors);
        assertEquals(Main.SOME_FAILED, ingestExit, ingestErrors);
        assertTrue(ingestErrors.contains(idsThatConvert().size() + " ingested, 0 unchanged, " + errorCases().size() + " failed"),
                ingestErrors);
    }

    private static void assertOneErrorLinePerCase(String errors) {
        List<String> errorLines = errors.lines().filter(l -> l.startsWith("error: ")).toList();
        for (Case c : expectedCases()) {
            List<String> lines = errorLines.stream().filter(l -> l.contains(c.sourceMark())).toList();
            if (c.outcome().equals("error")) {
                assertEquals(1, lines.size(), c + " has one error line in:\n" + errors);
                assertTrue(lines.get(0).contains(c.expected()), c + ": " + lines.get(0));
            } else {
                assertEquals(List.of(), lines, c + " has no error line");
            }
        }
        assertEquals(errorCases().size(), errorLines.size(), errors);
        assertFalse(errors.contains("\tat "), "no stack traces without --verbose:\n" + errors);
    }

    @Test
    void convertWritesEveryGoodArticleAndEveryCaseThatConverts() {
        Set<String> graphs = new TreeSet<>();
        output.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI().substring(g.getURI().lastIndexOf('/') + 1)));

        assertEquals(idsThatConvert(), graphs);
    }

    @Test
    void ingestStoresEveryGoodArticleAsConvertWroteIt() {
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(idsThatConvert(), store.articleIds());
            for (String id : idsThatConvert()) {
                Graph stored = store.findArticleGraph(id).orElseThrow();
                Graph converted = output.getGraph(IriMinter.standard().article(id));
                assertTrue(stored.isIsomorphicWith(converted), id + " is stored as convert wrote it");
            }
        }
    }

    @Test
    void urduScriptEmojiQuotesAndBracketsAreKeptLiterally() {
        assertEquals("عمران خان اور مریم نواز 🇵🇰 کراچی میں ✊🏽", title("names-urdu-arabic-emoji"));
        assertEquals("Mayor \"The Lion\" O'Brien <script>alert(1)</script> says \"\"\"enough\"\"\"",
                title("names-quotes-brackets"));
    }

    private static String title(String id) {
        Node article = IriMinter.standard().article(id);
        List<Quad> titles = Iter.toList(output.find(article, article, DCTerms.title.asNode(), Node.ANY));
        assertEquals(1, titles.size(), titles.toString());
        return titles.get(0).getObject().getLiteralLexicalForm();
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"NQUADS", "TRIG", "TURTLE", "NTRIPLES", "JSONLD", "RDFXML"})
    void theGraphsOfTheNamesCasesAreValidRdfInEveryFormat(OutputFormat format) {
        DatasetGraph names = DatasetGraphFactory.createTxnMem();
        for (String id : List.of("names-urdu-arabic-emoji", "names-quotes-brackets", "utf16-bom")) {
            Node g = IriMinter.standard().article(id);
            output.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(names::add);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF writer = format.newWriter(bytes); // as convert writes it
        writer.start();
        names.find().forEachRemaining(writer::quad);
        writer.finish();

        DatasetGraph back = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(bytes.toByteArray())).lang(Parsers.jenaLang(format)).strict(true).parse(back);

        if (format.keepsGraphs()) {
            assertTrue(IsoMatcher.isomorphic(names, back), format + " changed the graphs");
        } else {
            assertTrue(IsoMatcher.isomorphic(names.getUnionGraph(), back.getDefaultGraph()), format + " changed the triples");
        }
        assertTrue(back.find(Node.ANY, Node.ANY, DCTerms.title.asNode(),
                NodeFactory.createLiteralString("عمران خان اور مریم نواز 🇵🇰 کراچی میں ✊🏽")).hasNext(), format.cliName());
    }

}
