package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that would hang or exhaust a reader that trusts them: FIFOs, sockets, links to
 * {@code /dev/zero}, a 3 GB sparse JSONL file, an endless JSONL line, a feed larger than the
 * heap. Each fails in one result naming it, and the good articles beside it are read.
 */
// A reader that opens a FIFO blocks in open(2), which no interrupt ends: the timeouts run the
// test on a thread of its own, so that a regression fails instead of hanging the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArticleReaderHostileFilesTest {

    @TempDir
    Path dir;

    private final ArticleReader reader = ArticleReader.create();

    private Path goodArticles() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a-good.txt"), "Union members gathered outside the depot on Tuesday.\n");
        Files.writeString(in.resolve("z-good.jsonl"), "{\"id\": \"z-good\", \"text\": \"The council met on Monday.\"}\n");
        return in;
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this machine: " + e.getMessage());
            return;
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private List<String> messages(Path... paths) {
        try (Stream<ReadResult> results = reader.read(List.of(paths))) {
            return results.map(r -> r instanceof ReadResult.Success s ? "article " + s.article().id()
                    : ((ReadResult.Failure) r).message()).toList();
        }
    }

    @Test
    void aFifoInAFolderIsNotOpenedAndGetsOneFailureNamingIt() throws Exception {
        Path in = goodArticles();
        mkfifo(in.resolve("m.txt"));

        assertEquals(List.of("article a-good", in.resolve("m.txt") + ": not a regular file (a FIFO); skipped",
                "article z-good"), messages(in));
    }

    @Test
    void aFifoGivenByNameIsNotOpened() throws Exception {
        Path fifo = dir.resolve("feed.jsonl");
        mkfifo(fifo);

        assertEquals(List.of(fifo + ": not a regular file (a FIFO); skipped"), messages(fifo));
    }

    @Test
    void aLinkToDevZeroIsNotReadAndNamesWhereItPoints() throws IOException {
        Path in = goodArticles();
        Files.createSymbolicLink(in.resolve("m-zero.txt"), Path.of("/dev/zero"));
        Files.createSymbolicLink(in.resolve("m-zero.jsonl"), Path.of("/dev/zero"));

        assertEquals(List.of("article a-good",
                in.resolve("m-zero.jsonl") + ": not a regular file (a symbolic link to the character device /dev/zero); skipped",
                in.resolve("m-zero.txt") + ": not a regular file (a symbolic link to the character device /dev/zero); skipped",
                "article z-good"), messages(in));
    }

    @Test
    void aSocketIsNotOpened() throws IOException {
        Path in = goodArticles();
        Path socket = in.resolve("s.txt");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertEquals(List.of("article a-good", socket + ": not a regular file (a socket); skipped", "article z-good"),
                    messages(in));
        }
    }

    @Test
    void aSparse3GbJsonlFileGetsOneFailureAndTheOthersAreRead() throws IOException {
        Path in = goodArticles();
        Path sparse = in.resolve("m-sparse.jsonl");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // all zero bytes, no line break, no disk used
        }

        assertEquals(List.of("article a-good", sparse + ": binary file, not text (contains NUL bytes)", "article z-good"),
                messages(in));
    }

    @Test
    void aSparse3GbTxtFileFailsOnItsSizeWithoutBeingRead() throws IOException {
        Path sparse = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }

        assertEquals(List.of(sparse + ": article is 3072.0 MB, more than the limit of 2.0 MB for one article;"
                + " split it, or raise the limit (--max-article-size)"), messages(sparse));
    }

    @Test
    void anEndlessJsonlLineFailsAloneNamingItsLineAndTheNextLinesAreRead() throws IOException {
        ArticleReader small = ArticleReader.builder().maxArticleBytes(1000).build();
        Path feed = dir.resolve("feed.jsonl");
        try (OutputStream out = Files.newOutputStream(feed)) {
            out.write("{\"id\": \"first\", \"text\": \"The council met.\"}\n{\"text\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] words = "and on and on ".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
                out.write(words); // 1.3 MB on one line
            }
            out.write("\"}\r\n{\"id\": \"third\", \"text\": \"The mayor resigned.\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        List<ReadResult> results = small.read(List.of(feed)).toList();

        assertEquals(3, results.size(), results.toString());
        assertEquals("first", assertInstanceOf(ReadResult.Success.class, results.get(0)).article().id());
        assertEquals(feed + ":2: article is 1.3 MB, more than the limit of 1000 bytes for one article;"
                + " split it, or raise the limit (--max-article-size)",
                assertInstanceOf(ReadResult.Failure.class, results.get(1)).message());
        assertEquals("third", assertInstanceOf(ReadResult.Success.class, results.get(2)).article().id());
    }

    @Test
    void aFileIsNotReadBeforeTheStreamReachesIt() throws IOException {
        Path in = goodArticles();
        Iterator<ReadResult> results = reader.read(List.of(in)).iterator();

        assertEquals("a-good", assertInstanceOf(ReadResult.Success.class, results.next()).article().id());
        Files.delete(in.resolve("z-good.jsonl"));

        ReadResult.Failure gone = assertInstanceOf(ReadResult.Failure.class, results.next());
        assertEquals(in.resolve("z-good.jsonl") + ": cannot read: no such file or directory", gone.message());
    }

    @Test
    void aJsonlFeedLargerThanTheHeapIsReadLineByLine() throws Exception {
        Path feed = dir.resolve("big.jsonl");
        byte[] text = "Union members gathered outside the depot on Tuesday. ".repeat(2000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(feed)) {
            for (int i = 0; i < 1000; i++) {
                out.write("{\"text\": \"".getBytes(StandardCharsets.UTF_8));
                out.write(text);
                out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(Files.size(feed) > 100_000_000, "a 100 MB feed");

        // In a JVM with 48 MB of heap, which would not hold the file's bytes.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                CountArticles.class.getName(), feed.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(50, TimeUnit.SECONDS), output);

        assertEquals("1000 articles, 0 failed", output.strip());
        assertEquals(0, child.exitValue(), output);
    }

    /** Reads the given paths and says how many articles they held, for a child JVM of small heap. */
    public static final class CountArticles {
        public static void main(String[] args) {
            long[] counts = new long[2];
            try (Stream<ReadResult> results = ArticleReader.create().read(Stream.of(args).map(Path::of).toList())) {
                results.forEach(r -> counts[r instanceof ReadResult.Success ? 0 : 1]++);
            }
            System.out.println(counts[0] + " articles, " + counts[1] + " failed");
        }
    }
}
