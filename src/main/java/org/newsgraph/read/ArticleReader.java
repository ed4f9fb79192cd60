package org.newsgraph.read;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
 * <li>Bytes must be UTF-8; a UTF-8 byte-order mark is dropped. A file that starts with a UTF-16
 *     byte-order mark is read as UTF-16. A JSONL line that is not UTF-8 or not a valid article
 *     fails alone; the other lines are still read.</li>
 * <li>One article may be at most {@link Builder#maxArticleBytes} long (default
 *     {@value #DEFAULT_MAX_ARTICLE_BYTES} bytes): a longer {@code .txt} file fails without being
 *     read, a longer JSONL line fails alone. The NLP would take hours and gigabytes on a book-sized
 *     "article", which is nearly always a scraping accident.</li>
 * <li>Article ids are unique within one call: a later article with an id already read fails,
 *     naming the first source.</li>
 * </ul>
 *
 * Nothing is thrown for bad input; every problem is a {@link ReadResult.Failure}. A file's bytes
 * are held in memory while its articles are parsed. Instances are immutable and thread-safe.
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
     * reaches it. The stream is sequential and must be consumed once.
     */
    public Stream<ReadResult> read(List<Path> paths) {
        List<Path> given = List.copyOf(paths);
        Set<Path> seenFiles = new HashSet<>();
        Map<String, String> firstSourceById = new HashMap<>();
        return given.stream()
                .flatMap(path -> SourceFinder.find(path).stream())
                .filter(found -> firstVisit(found, seenFiles))
                .flatMap(this::readFound)
                .map(result -> unique(result, firstSourceById));
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

    private Stream<ReadResult> readFound(Found found) {
        if (found instanceof Found.Problem problem) {
            return Stream.of(ReadResult.failure(problem.path().toString(), problem.problem()));
        }
        Found.ArticleFile file = (Found.ArticleFile) found;
        String source = file.path().toString();
        byte[] bytes;
        try {
            long size = Files.size(file.path());
            if (file.format() == SourceFinder.Format.TXT && size > maxArticleBytes) {
                return Stream.of(ReadResult.failure(source, tooLong(size)));
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return Stream.of(ReadResult.failure(source, "cannot read: " + SourceFinder.reason(e)));
        }
        return readBytes(file.format(), SourceFinder.baseName(file.path()), source, bytes);
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
        Optional<String> problem = Utf8.fileProblem(bytes);
        if (problem.isPresent()) {
            return Stream.of(ReadResult.failure(source, problem.get()));
        }
        return switch (format) {
            case TXT -> Stream.of(readText(baseName, bytes, source));
            case JSONL -> readJsonLines(baseName, bytes, source);
        };
    }

    private String tooLong(long bytes) {
        return String.format(Locale.ROOT, "article is %s, more than the limit of %s for one article;"
                + " split it, or raise the limit (--max-article-size)", size(bytes), size(maxArticleBytes));
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
            return ReadResult.failure(source, tooLong(bytes.length));
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

    private Stream<ReadResult> readJsonLines(String base, byte[] bytes, String source) {
        Optional<Charset> utf16 = Utf8.utf16(bytes);
        if (utf16.isPresent()) {
            try {
                // Re-encoded so that the line splitting below has one kind of input to handle.
                bytes = Utf8.decodeUtf16(bytes, utf16.get()).getBytes(StandardCharsets.UTF_8);
            } catch (Utf8.NotText e) {
                return Stream.of(ReadResult.failure(source, e.getMessage()));
            }
        }
        byte[] utf8 = bytes;
        // Lines are split on bytes so that one badly encoded line fails alone; 0x0A never
        // occurs inside a multi-byte UTF-8 character.
        List<Integer> starts = new ArrayList<>();
        starts.add(Utf8.bomLength(utf8));
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return IntStream.range(0, starts.size()).mapToObj(index -> {
            int from = starts.get(index);
            int to = index + 1 < starts.size() ? starts.get(index + 1) - 1 : utf8.length;
            if (to > from && utf8[to - 1] == '\r') {
                to--;
            }
            int lineNumber = index + 1;
            String lineSource = source + ":" + lineNumber;
            if (to - from > maxArticleBytes) {
                return ReadResult.failure(lineSource, tooLong(to - from));
            }
            try {
                String line = Utf8.decode(utf8, from, to);
                return TextRules.isBlank(line) ? null
                        : parser.parseJsonLine(line, lineSource, base + "-" + lineNumber);
            } catch (Utf8.NotText e) {
                return ReadResult.failure(lineSource, e.getMessage());
            }
        }).filter(Objects::nonNull);
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
