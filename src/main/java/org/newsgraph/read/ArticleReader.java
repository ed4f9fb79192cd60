package org.newsgraph.read;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.newsgraph.read.SourceFinder.Found;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads articles from files and directories.
 *
 * <ul>
 * <li>Paths are read in the order given; a directory's files recursively, sorted by path, with
 *     symbolic links followed and link loops skipped. Each file is read at most once per call,
 *     even when reached twice through a link or by being listed twice.</li>
 * <li>A {@code .txt} file is one article whose id is the file name without extension; a
 *     {@code .jsonl} file holds one article per non-blank line, whose id defaults to
 *     {@code <base name>-<line number>}. Extensions are matched ignoring case. The text format
 *     and the JSONL fields are described in {@link ArticleParser}.</li>
 * <li>Inside directories, other files and dot files are skipped silently (READMEs, gold
 *     annotations, licences). A path given explicitly must be a {@code .txt} or
 *     {@code .jsonl} file or a directory.</li>
 * <li>Only regular files are opened: an article file that is a FIFO, a device or a socket, or a
 *     link to one, fails without being opened (opening a FIFO waits for a writer, and
 *     {@code /dev/zero} never ends).</li>
 * <li>Bytes must be UTF-8; a UTF-8 byte-order mark is dropped. A file that starts with a UTF-16
 *     byte-order mark is read as UTF-16. A JSONL line that is not UTF-8 or not a valid article
 *     fails alone; the other lines are still read. A JSONL file that is binary (NUL bytes) or a
 *     PDF is told by its first {@value JsonLines#HEAD_BYTES} bytes.</li>
 * <li>One article may be at most {@link Builder#maxArticleBytes} long (default
 *     {@value #DEFAULT_MAX_ARTICLE_BYTES} bytes): a longer {@code .txt} file fails without being
 *     read, a longer JSONL line fails alone. The NLP would take hours and gigabytes on a book-sized
 *     "article", which is nearly always a scraping accident.</li>
 * <li>Article ids are unique within one call: a later article with an id already read fails,
 *     naming the first source.</li>
 * </ul>
 *
 * Nothing is thrown for bad input; every problem is a {@link ReadResult.Failure}. A
 * {@code .txt} file's bytes are held in memory while it is parsed; a JSONL file is read a line at
 * a time, so a feed of any length takes the memory of one line. Instances are immutable and
 * thread-safe.
 */
public final class ArticleReader {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleReader.class);

    /** The default longest article, 2 MiB: the same as the server's limit for one posted article. */
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 2L * 1024 * 1024;

    private final ArticleParser parser;
    private final long maxArticleBytes;

    private ArticleReader(Builder b) {
        this.parser = b.parser;
        this.maxArticleBytes = b.maxArticleBytes;
    }

    /** A reader with the defaults. */
    public static ArticleReader create() {
        return builder().build();
    }

    /**
     * Options of a reader: {@code ArticleReader.builder().maxArticleBytes(50_000_000).build()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every article under {@code paths}, lazily: a file is opened only when the stream
     * reaches it, and a JSONL file is read a line at a time as the stream is consumed. The stream
     * is sequential and must be consumed once; closing it closes the file being read.
     */
    public Stream<ReadResult> read(List<Path> paths) {
        // An iterator of our own rather than flatMap: a flatMap stream consumed by iterator()
        // (as the batch converter does) reads the whole of each path, a folder or a feed of any
        // size, into memory before handing out its first article.
        Results results = new Results(List.copyOf(paths));
        Map<String, String> firstSourceById = new HashMap<>();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(results::close)
                .map(result -> unique(result, firstSourceById));
    }

    /** The results of the given paths, file after file, each file opened when it is reached. */
    private final class Results implements Iterator<ReadResult>, Closeable {
        private final Iterator<Path> given;
        private final Set<Path> seenFiles = new HashSet<>();
        private Iterator<Found> found = Collections.emptyIterator();
        private Iterator<ReadResult> file = Collections.emptyIterator();

        Results(List<Path> given) {
            this.given = given.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!file.hasNext()) {
                close();
                if (found.hasNext()) {
                    Found next = found.next();
                    if (firstVisit(next, seenFiles)) {
                        file = readFound(next);
                    }
                } else if (given.hasNext()) {
                    found = SourceFinder.find(given.next()).iterator();
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return file.next();
        }

        /** Closes the file being read, if it is open. */
        @Override
        public void close() {
            if (file instanceof JsonLines lines) {
                lines.close();
            }
            file = Collections.emptyIterator();
        }
    }

    /**
     * The article files {@link #read} would open, in the same order, without reading them; for
     * showing progress. Paths that would fail before being opened are left out.
     */
    public List<Path> listSources(List<Path> paths) {
        Set<Path> seenFiles = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            for (Found found : SourceFinder.find(path)) {
                if (found instanceof Found.ArticleFile && firstVisit(found, seenFiles)) {
                    files.add(found.path());
                }
            }
        }
        return files;
    }

    private static boolean firstVisit(Found found, Set<Path> seenFiles) {
        if (!(found instanceof Found.ArticleFile file)) {
            return true;
        }
        Path key;
        try {
            key = file.path().toRealPath();
        } catch (IOException e) {
            // Reading will fail too and say why; until then the path as given identifies it.
            key = file.path().toAbsolutePath().normalize();
        }
        if (!seenFiles.add(key)) {
            LOG.debug("Skipping {}: already read as {}", file.path(), key);
            return false;
        }
        return true;
    }

    private Iterator<ReadResult> readFound(Found found) {
        if (found instanceof Found.Problem problem) {
            return one(ReadResult.failure(problem.path().toString(), problem.problem()));
        }
        Found.ArticleFile file = (Found.ArticleFile) found;
        String source = file.path().toString();
        // Checked again just before opening: the file may have been replaced since the folder
        // was listed, and opening a FIFO waits for a writer.
        Optional<String> special = SourceFinder.notRegular(file.path());
        if (special.isPresent()) {
            return one(ReadResult.failure(source, special.get()));
        }
        try {
            InputStream in = Files.newInputStream(file.path());
            if (file.format() == SourceFinder.Format.JSONL) {
                return JsonLines.open(in, SourceFinder.baseName(file.path()), source, maxArticleBytes, parser);
            }
            try (in) {
                long size = Files.size(file.path());
                if (size > maxArticleBytes) {
                    return one(ReadResult.failure(source, tooLong(size, maxArticleBytes)));
                }
                // Read to one byte past the limit whatever the size said: files in /proc say 0.
                byte[] bytes = in.readNBytes((int) Math.min(maxArticleBytes + 1, Integer.MAX_VALUE - 16));
                if (bytes.length > maxArticleBytes) {
                    return one(ReadResult.failure(source, tooLong(-1, maxArticleBytes)));
                }
                return readBytes(file.format(), SourceFinder.baseName(file.path()), source, bytes).iterator();
            }
        } catch (IOException e) {
            return one(ReadResult.failure(source, "cannot read: " + SourceFinder.reason(e)));
        }
    }

    private static Iterator<ReadResult> one(ReadResult result) {
        return List.of(result).iterator();
    }

    /** Whether {@code fileName} names an article file: {@code .txt} or {@code .jsonl}, ignoring case. */
    public static boolean isArticleFile(String fileName) {
        return SourceFinder.format(fileName).isPresent();
    }

    /**
     * The articles of one file whose bytes are already in memory, read as {@link #read} reads a
     * file on disk; for files that come from elsewhere, such as a distributed file system. Ids
     * are not checked for uniqueness: across files that is the caller's job.
     *
     * @param fileName the file's name: its extension gives the format, its base name the id
     * @param source   where the file came from, for the articles and failure messages
     * @param bytes    the whole file
     */
    public Stream<ReadResult> readFile(String fileName, String source, byte[] bytes) {
        return SourceFinder.format(fileName)
                .map(format -> readBytes(format, SourceFinder.baseName(fileName), source, bytes))
                .orElseGet(() -> Stream.of(ReadResult.failure(source, "unsupported file type; expected .txt or .jsonl")));
    }

    private Stream<ReadResult> readBytes(SourceFinder.Format format, String baseName, String source, byte[] bytes) {
        if (format == SourceFinder.Format.JSONL) {
            Iterator<ReadResult> lines = JsonLines.open(new ByteArrayInputStream(bytes), baseName, source, maxArticleBytes, parser);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false);
        }
        Optional<String> problem = Utf8.fileProblem(bytes);
        if (problem.isPresent()) {
            return Stream.of(ReadResult.failure(source, problem.get()));
        }
        return Stream.of(readText(baseName, bytes, source));
    }

    /** The problem of an article of {@code bytes} ({@code -1}: of unknown size), over the {@code limit}. */
    static String tooLong(long bytes, long limit) {
        return String.format(Locale.ROOT, "article is %smore than the limit of %s for one article;"
                + " split it, or raise the limit (--max-article-size)", bytes < 0 ? "" : size(bytes) + ", ", size(limit));
    }

    /** A byte count for people: "20.0 MB", "512 KB", "812 bytes" (powers of 1024). */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private ReadResult readText(String baseName, byte[] bytes, String source) {
        if (bytes.length > maxArticleBytes) {
            return ReadResult.failure(source, tooLong(bytes.length, maxArticleBytes));
        }
        try {
            Optional<Charset> utf16 = Utf8.utf16(bytes);
            String content = utf16.isPresent() ? Utf8.decodeUtf16(bytes, utf16.get())
                    : Utf8.decode(bytes, Utf8.bomLength(bytes), bytes.length);
            return parser.parseText(baseName, content, source);
        } catch (Utf8.NotText e) {
            return ReadResult.failure(source, e.getMessage());
        }
    }

    private static ReadResult unique(ReadResult result, Map<String, String> firstSourceById) {
        if (result instanceof ReadResult.Success success) {
            Article article = success.article();
            String first = firstSourceById.putIfAbsent(article.id(), article.source());
            if (first != null) {
                return ReadResult.failure(article.source(),
                        "duplicate article id '" + article.id() + "', first read from " + first);
            }
        }
        return result;
    }

    /** Options of an {@link ArticleReader}. */
    public static final class Builder {
        private ArticleParser parser = ArticleParser.create();
        private long maxArticleBytes = DEFAULT_MAX_ARTICLE_BYTES;

        private Builder() {
        }

        /** The longest article, in bytes of the file or JSONL line; default 2 MiB. */
        public Builder maxArticleBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("article size limit " + bytes + " is not positive");
            }
            this.maxArticleBytes = bytes;
            return this;
        }

        /** The parser of each article's text; default {@link ArticleParser#create()}. */
        public Builder parser(ArticleParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        public ArticleReader build() {
            return new ArticleReader(this);
        }
    }
}
