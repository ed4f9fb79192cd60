package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

    @TempDir
    Path dir;

    private final ArticleReader reader = ArticleReader.create();

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private List<ReadResult> read(Path... paths) {
        return reader.read(List.of(paths)).toList();
    }

    private static Article success(ReadResult result) {
        return assertInstanceOf(ReadResult.Success.class, result).article();
    }

    private static ReadResult.Failure failure(ReadResult result) {
        return assertInstanceOf(ReadResult.Failure.class, result);
    }

    private ReadResult.Failure onlyFailure(Path path) {
        List<ReadResult> results = read(path);
        assertEquals(1, results.size(), results::toString);
        return failure(results.get(0));
    }

    private static List<String> ids(List<ReadResult> results) {
        return results.stream().map(r -> success(r).id()).toList();
    }

    @Test
    void txtFileIsOneArticleNamedAfterTheFile() throws IOException {
        Path file = write("mqm-2025-02-09.txt", " date 2025-02-09 Union members gathered.\n\nSecond paragraph.\n");

        Article a = success(read(file).get(0));

        assertEquals("mqm-2025-02-09", a.id());
        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals("Union members gathered.\n\nSecond paragraph.", a.text());
        assertEquals(file.toString(), a.source());
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws IOException {
        byte[] text = "date 2025-02-09 Union members gathered.".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        Article a = success(read(write("bom.txt", bytes)).get(0));

        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals("Union members gathered.", a.text());
    }

    @Test
    void latin1FileIsNotUtf8AndNamesTheOffset() throws IOException {
        Path file = write("latin1.txt", "Caf\u00e9 politics in Karachi.".getBytes(StandardCharsets.ISO_8859_1));

        ReadResult.Failure f = onlyFailure(file);

        assertEquals(file.toString(), f.source());
        assertEquals("not UTF-8 text (invalid byte 0xE9 at offset 3); convert it to UTF-8", f.problem());
    }

    @Test
    void utf16FileWithByteOrderMarkIsReadAsUtf16() throws IOException {
        // Java's UTF-16 encoder writes a big-endian byte-order mark.
        Path file = write("utf16.txt", "Union members gathered in Kar\u0101chi.".getBytes(StandardCharsets.UTF_16));

        Article article = success(read(file).get(0));

        assertEquals("Union members gathered in Kar\u0101chi.", article.text());
    }

    @Test
    void utf8CutOffInTheMiddleOfACharacterSaysSo() throws IOException {
        byte[] cut = {'M', 'e', 't', ' ', (byte) 0xE2, (byte) 0x80};
        byte[] broken = {'M', 'e', 't', ' ', (byte) 0xE2, (byte) 0x80, ' ', 'o', 'n', '.'};

        assertEquals("not UTF-8 text (incomplete character at the end); convert it to UTF-8",
                onlyFailure(write("cut.txt", cut)).problem());
        assertEquals("not UTF-8 text (invalid byte 0xE2 at offset 4); convert it to UTF-8",
                onlyFailure(write("broken.txt", broken)).problem());
    }

    @Test
    void utf32FileIsFailureSayingSo() throws IOException {
        // Java's UTF-32 encoder writes no byte-order mark: put one in front.
        byte[] text = "\uFEFFUnion members gathered.".getBytes(Charset.forName("UTF-32BE"));
        Path file = write("utf32.txt", text);

        String problem = onlyFailure(file).problem();

        assertTrue(problem.startsWith("not UTF-8 text") && problem.contains("UTF-32"), problem);
    }

    @Test
    void pdfDocumentIsFailureSayingSo() throws IOException {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals("a PDF document, not text; extract its text into a .txt file first",
                onlyFailure(write("report.txt", pdf)).problem());
    }

    @Test
    void articleOverTheSizeLimitFailsUnreadAndALongJsonLineFailsAlone() throws IOException {
        ArticleReader small = ArticleReader.builder().maxArticleBytes(100).build();
        Path big = write("big.txt", "Union members gathered. ".repeat(10));
        Path feed = write("feed.jsonl", "{\"id\": \"long\", \"text\": \"" + "Workers met. ".repeat(10) + "\"}\n"
                + "{\"id\": \"short\", \"text\": \"Workers met.\"}\n");

        List<ReadResult> results = small.read(List.of(big, feed)).toList();

        assertEquals("article is 240 bytes, more than the limit of 100 bytes for one article; split it, or raise "
                + "the limit (--max-article-size)", failure(results.get(0)).problem());
        assertTrue(failure(results.get(1)).problem().startsWith("article is 15"), results.get(1).toString());
        assertEquals("short", success(results.get(2)).id());
        assertEquals(3, results.size());
    }

    @Test
    void binaryFileWithNulBytesIsFailure() throws IOException {
        Path file = write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        assertEquals("binary file, not text (contains NUL bytes)", onlyFailure(file).problem());
    }

    @Test
    void whitespaceOnlyFileIsEmptyArticle() throws IOException {
        Path file = write("blank.txt", "  \n\t\n   \n");

        assertEquals("empty article: no text", onlyFailure(file).problem());
    }

    @Test
    void nonexistentPathIsFailure() {
        Path missing = dir.resolve("nowhere/missing.txt");

        ReadResult.Failure f = onlyFailure(missing);

        assertEquals(missing.toString() + ": no such file or directory", f.message());
    }

    @Test
    void explicitFileWithOtherExtensionIsFailure() throws IOException {
        Path file = write("notes.md", "# Notes");

        assertEquals("unsupported file type; expected .txt or .jsonl", onlyFailure(file).problem());
    }

    @Test
    void unreadableFileIsFailureWithReason() throws IOException {
        Path file = write("secret.txt", "Union members gathered.");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running with permissions that read any file (root)");

        assertEquals("cannot read: permission denied", onlyFailure(file).problem());
    }

    @Test
    void fileThatCannotBeOpenedIsFailureWithReasonForAnyUser() throws IOException {
        // root reads every file, so the permission test above cannot fail there; a dangling
        // link cannot be opened by anyone
        Path folder = Files.createDirectories(dir.resolve("linked"));
        write("linked/good.txt", "Union members gathered.");
        Files.createSymbolicLink(folder.resolve("gone.txt"), folder.resolve("no-such-target.txt"));

        List<ReadResult> results = read(folder);

        assertEquals(2, results.size(), results.toString());
        ReadResult.Failure failure = results.stream().filter(r -> r instanceof ReadResult.Failure)
                .map(r -> (ReadResult.Failure) r).findFirst().orElseThrow();
        assertTrue(failure.source().endsWith("gone.txt"), failure.source());
        assertTrue(failure.problem().startsWith("cannot read"), failure.problem());
        assertTrue(results.stream().anyMatch(r -> r instanceof ReadResult.Success));
    }

    @Test
    void jsonlBrokenLineFailsAloneAndOtherLinesSucceed() throws IOException {
        Path file = write("feed.jsonl", "{\"id\":\"a\",\"text\":\"First.\"}\n"
                + "{\"id\":\"b\",\"text\":\"Broken.\"\n"
                + "{\"id\":\"c\",\"text\":\"Third.\"}\n");

        List<ReadResult> results = read(file);

        assertEquals(3, results.size());
        assertEquals("a", success(results.get(0)).id());
        assertEquals(file + ":1", success(results.get(0)).source());
        ReadResult.Failure broken = failure(results.get(1));
        assertEquals(file + ":2", broken.source());
        assertTrue(broken.problem().startsWith("malformed JSON: "), broken.problem());
        assertEquals("c", success(results.get(2)).id());
    }

    @Test
    void jsonlLineMissingTextIsFailureForThatLine() throws IOException {
        Path file = write("feed.jsonl", "{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"b\"}\n");

        List<ReadResult> results = read(file);

        assertEquals("a", success(results.get(0)).id());
        assertEquals(file + ":2: no text: field 'text' is missing", failure(results.get(1)).message());
    }

    @Test
    void jsonlLineMissingIdIsNamedAfterFileAndLineCountingBlankLines() throws IOException {
        Path file = write("feed.jsonl", "\n{\"text\":\"First.\"}\r\n  \n{\"text\":\"Second.\"}");

        List<ReadResult> results = read(file);

        assertEquals(List.of("feed-2", "feed-4"), ids(results));
        assertEquals(file + ":4", results.get(1).source());
    }

    @Test
    void jsonlLineWithInvalidUtf8FailsAlone() throws IOException {
        byte[] bad = "{\"text\":\"Caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"id\":\"ok\",\"text\":\"Fine.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, bytes, 0, bad.length);
        System.arraycopy(good, 0, bytes, bad.length, good.length);
        Path file = write("feed.jsonl", bytes);

        List<ReadResult> results = read(file);

        assertEquals(file + ":1", failure(results.get(0)).source());
        assertTrue(failure(results.get(0)).problem().startsWith("not UTF-8 text (invalid byte 0xE9"));
        assertEquals("ok", success(results.get(1)).id());
    }

    @Test
    void directoryIsReadRecursivelySkippingNonArticleFiles() throws IOException {
        write("corpus/a.txt", "First article.");
        write("corpus/sub/deeper/b.TXT", "Second article.");
        write("corpus/sub/feed.jsonl", "{\"id\":\"c\",\"text\":\"Third article.\"}\n");
        write("corpus/README.md", "# Corpus");
        write("corpus/SOURCES.md", "Where the articles come from.");
        write("corpus/LICENSE", "CC BY 4.0");
        write("corpus/a.json", "{\"gold\":true}");
        write("corpus/.hidden.txt", "Editor backup.");
        write("corpus/.git/x.txt", "Not an article.");

        List<ReadResult> results = read(dir.resolve("corpus"));

        assertEquals(List.of("a", "b", "c"), ids(results));
    }

    @Test
    void orderIsGivenPathsThenSortedFilesAndRepeatable() throws IOException {
        Path single = write("z-single.txt", "Given first.");
        write("corpus/c.txt", "C.");
        write("corpus/b/z.txt", "Z.");
        write("corpus/a.txt", "A.");
        write("corpus/b/a.txt", "Nested A, a duplicate id.");
        List<Path> paths = List.of(single, dir.resolve("corpus"));

        List<String> sources = reader.read(paths).map(ReadResult::source).toList();

        Path corpus = dir.resolve("corpus");
        assertEquals(Stream.of(single, corpus.resolve("a.txt"), corpus.resolve("b/a.txt"),
                corpus.resolve("b/z.txt"), corpus.resolve("c.txt")).map(Path::toString).toList(), sources);
        assertEquals(sources, reader.read(paths).map(ReadResult::source).toList());
        assertEquals(List.of(single, corpus.resolve("a.txt"), corpus.resolve("b/a.txt"),
                corpus.resolve("b/z.txt"), corpus.resolve("c.txt")), reader.listSources(paths));
    }

    @Test
    void duplicateIdIsFailureNamingTheFirstSource() throws IOException {
        Path first = write("a/mqm.txt", "First.");
        Path second = write("b/feed.jsonl", "{\"id\":\"mqm\",\"text\":\"Second.\"}\n");

        List<ReadResult> results = read(first, second);

        assertEquals("mqm", success(results.get(0)).id());
        ReadResult.Failure dup = failure(results.get(1));
        assertEquals(second + ":1", dup.source());
        assertEquals("duplicate article id 'mqm', first read from " + first, dup.problem());
    }

    @Test
    void fileGivenTwiceIsReadOnce() throws IOException {
        Path file = write("corpus/a.txt", "Once.");

        assertEquals(List.of("a"), ids(read(file, dir.resolve("corpus"))));
    }

    @Test
    @Timeout(10)
    void symbolicLinkLoopDoesNotHang() throws IOException {
        write("corpus/a.txt", "A.");
        Files.createSymbolicLink(dir.resolve("corpus/loop"), dir.resolve("corpus"));

        assertEquals(List.of("a"), ids(read(dir.resolve("corpus"))));
    }

    @Test
    void filesAreOpenedOnlyWhenTheStreamReachesThem() throws IOException {
        Path file = dir.resolve("later.txt");
        Stream<ReadResult> results = reader.read(List.of(file));
        write("later.txt", "Written after read() returned.");

        assertEquals(List.of("later"), ids(results.toList()));
    }

    @Test
    void utf16LittleEndianJsonLinesAreRead() throws IOException {
        byte[] text = "{\"id\": \"le\", \"text\": \"Union members gathered.\"}\r\n".getBytes(Charset.forName("UTF-16LE"));
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);

        assertEquals(List.of("le"), ids(read(write("le.jsonl", bytes))));
    }

    @Test
    void bytesFromElsewhereAreReadLikeAFileOfThatName() throws IOException {
        byte[] feed = "{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"b\"}\n{\"text\":\"Third.\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        Path onDisk = write("feed.jsonl", feed);

        List<ReadResult> fromBytes = reader.readFile("feed.jsonl", "hdfs://nn/news/feed.jsonl", feed).toList();

        assertEquals(List.of("a", "no text: field 'text' is missing", "feed-3"),
                fromBytes.stream().map(ArticleReaderTest::idOrProblem).toList());
        assertEquals(read(onDisk).stream().map(ArticleReaderTest::idOrProblem).toList(),
                fromBytes.stream().map(ArticleReaderTest::idOrProblem).toList());
        assertEquals("hdfs://nn/news/feed.jsonl:3", success(fromBytes.get(2)).source());
    }

    @Test
    void bytesOfATxtFileAreOneArticleNamedAfterTheFileName() {
        byte[] bytes = "\uFEFFdate 2025-02-09\nUnion members gathered.".getBytes(StandardCharsets.UTF_8);

        List<ReadResult> results = reader.readFile("Rally.TXT", "s3a://bucket/Rally.TXT", bytes).toList();

        Article article = success(results.get(0));
        assertEquals("Rally", article.id());
        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), article.date());
        assertEquals("Union members gathered.", article.text());
        assertEquals(1, results.size());
    }

    @Test
    void bytesOfOtherFilesAreFailuresNamingTheSource() {
        assertEquals("s3a://b/notes.md: unsupported file type; expected .txt or .jsonl",
                failure(reader.readFile("notes.md", "s3a://b/notes.md", new byte[] {'x'}).findFirst().orElseThrow()).message());
        assertEquals("s3a://b/x.txt: binary file, not text (contains NUL bytes)",
                failure(reader.readFile("x.txt", "s3a://b/x.txt", new byte[] {'a', 0, 'b'}).findFirst().orElseThrow()).message());
        assertTrue(ArticleReader.isArticleFile("a.JSONL"));
        assertFalse(ArticleReader.isArticleFile("a.json"));
    }

    private static String idOrProblem(ReadResult result) {
        return result instanceof ReadResult.Success s ? s.article().id() : ((ReadResult.Failure) result).problem();
    }
}
