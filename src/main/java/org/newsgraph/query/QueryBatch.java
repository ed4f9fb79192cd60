package org.newsgraph.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.newsgraph.error.NewsgraphException;

/**
 * Runs bound queries one after the other on a {@link QueryTarget} and writes each result, either
 * to one output (one query) or to a file per query in a folder. With several queries, a query
 * that fails is reported and the others go on; a single query's failure is thrown.
 *
 * <pre>{@code
 * List<BoundQuery> bound = QueryBatch.bind(QueryCatalog.resolve(List.of("queries/")), Map.of(), null, null);
 * QueryBatch.Outcome outcome = QueryBatch.builder(target).format(ResultFormat.CSV).into(Path.of("results"))
 *         .log(err).build().run(bound, stdout);
 * }</pre>
 *
 * Immutable after {@link Builder#build()}.
 */
public final class QueryBatch {

    private final QueryTarget target;
    private final ResultFormat format;
    private final Path folder;
    private final PrintWriter log;
    private final boolean quiet;
    private final boolean verbose;

    private QueryBatch(Builder b) {
        this.target = b.target;
        this.format = b.format;
        this.folder = b.folder;
        this.log = b.log;
        this.quiet = b.quiet;
        this.verbose = b.verbose;
    }

    /** A batch on {@code target}. */
    public static Builder builder(QueryTarget target) {
        return new Builder(target);
    }

    /** How a batch went: the queries that ran and those that failed. */
    public record Outcome(int ran, int failed) {
    }

    /**
     * Each query bound to the parameters of {@code values} that it has (the others are for other
     * queries), then paged when {@code limit} or {@code offset} is given; all are bound before
     * any runs, so a wrong value stops the batch before it starts.
     *
     * @throws BadInputException naming the query and parameter when a value is not of its type
     *                           or a required one is missing
     */
    public static List<BoundQuery> bind(List<CannedQuery> queries, Map<String, String> values, Long limit, Long offset) {
        List<BoundQuery> bound = new ArrayList<>();
        for (CannedQuery q : queries) {
            Map<String, String> own = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (q.findParameter(k).isPresent()) {
                    own.put(k, v);
                }
            });
            BoundQuery b = q.bind(own);
            bound.add(limit == null && offset == null ? b
                    : b.page(limit == null ? BoundQuery.NO_LIMIT : limit, offset == null ? 0 : offset));
        }
        return List.copyOf(bound);
    }

    /**
     * Runs {@code queries} and writes their results to {@code out} (with no folder) or to
     * FOLDER/NAME.EXT; each query's summary goes to the log unless quiet, and with several
     * queries a last line counts them.
     *
     * @throws NewsgraphException when the only query fails
     * @throws UncheckedIOException when a result file cannot be written
     */
    public Outcome run(List<BoundQuery> queries, PrintWriter out) {
        long start = System.nanoTime();
        int failed = 0;
        for (BoundQuery q : queries) {
            long t = System.nanoTime();
            QueryResult result;
            try {
                result = target.run(q);
            } catch (NewsgraphException e) {
                if (queries.size() == 1) {
                    throw e;
                }
                failed++;
                log.println("error: " + e.getMessage());
                if (verbose) {
                    e.printStackTrace(log);
                }
                log.flush();
                continue;
            }
            String where = folder == null ? print(result, out) : " -> " + write(q, result);
            if (!quiet) {
                log.println(String.format(Locale.ROOT, "%s: %s, %.2f s%s", q.name(), result.summary(),
                        (System.nanoTime() - t) / 1e9, where));
                log.flush();
            }
        }
        int ran = queries.size() - failed;
        if (queries.size() > 1) {
            log.println(String.format(Locale.ROOT, "%d quer%s run, %d failed, results in %s, %.1f s",
                    ran, ran == 1 ? "y" : "ies", failed, folder, (System.nanoTime() - start) / 1e9));
            log.flush();
        }
        return new Outcome(ran, failed);
    }

    private String print(QueryResult result, PrintWriter out) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result.write(buffer, format);
        String text = buffer.toString(StandardCharsets.UTF_8);
        // Jena's CSV and TSV writers end an empty result without a line break.
        out.print(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return "";
    }

    private Path write(BoundQuery q, QueryResult result) {
        Path file = folder.resolve(q.name() + "." + format.extension(result));
        try (OutputStream o = Files.newOutputStream(file)) {
            result.write(o, format);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write it", e);
        }
        return file;
    }

    /** Options of a batch; all but the target have defaults. */
    public static final class Builder {
        private final QueryTarget target;
        private ResultFormat format = ResultFormat.TABLE;
        private Path folder;
        private PrintWriter log = new PrintWriter(OutputStream.nullOutputStream());
        private boolean quiet;
        private boolean verbose;

        private Builder(QueryTarget target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /** How results are written; default: a text table. */
        public Builder format(ResultFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Write each result to {@code folder}/NAME.EXT, the folder existing; default: to the output given to {@link #run}. */
        public Builder into(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Where each query's summary and each failure go, one line each; default: nowhere. */
        public Builder log(PrintWriter log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** No summary line per query; failures are still logged. */
        public Builder quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        /** A failed query's stack trace in the log too. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public QueryBatch build() {
            return new QueryBatch(this);
        }
    }
}
