package org.newsgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.read.ReadResult;
import org.newsgraph.resolve.MergeRules;
import org.newsgraph.resolve.StoreResolution;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph ingest}: articles into a TDB2 graph store, one named graph per article. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Converts articles (.txt, .jsonl, or folders of them) as convert does, and stores them in a "
                + "TDB2 database folder, one named graph per article.",
                "An article ingested again replaces its graph; one whose content has not changed is skipped, so a "
                + "stopped run can simply be started again.",
                "Without --db the store is in memory and gone at the end: a dry run. Only one process at a time "
                + "can use a database folder.",
                "Exit status: 0 all ingested, 1 some articles failed (the others are stored), 2 error."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Article files or folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--db", paramLabel = "DIR",
            description = "The TDB2 database folder; created when new (default: in memory, nothing is kept).")
    Path db;

    @Option(names = "--delete", paramLabel = "ID",
            description = "Remove the article with this id from the store; may be repeated. Done before ingesting.")
    List<String> deletes = new ArrayList<>();

    @Mixin
    ReadOptions reading = new ReadOptions();

    @Mixin
    NlpOptions nlp = new NlpOptions();

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Option(names = "--no-resolve", description = "Do not join the persons of the store afterwards (see resolve).")
    boolean noResolve;

    /** The NLP to use; {@code null} for the standard CoreNLP pipeline, loaded on first need. */
    private final Annotator annotator;

    IngestCommand() {
        this(null);
    }

    /** A command whose converter uses {@code annotator}, for tests without the NLP models. */
    IngestCommand(Annotator annotator) {
        this.annotator = annotator;
    }

    @Override
    public Integer call() {
        if (paths.isEmpty() && deletes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give article paths to ingest, --delete ID, or both");
        }
        nlp.check(spec);
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        try (GraphStore store = db == null ? GraphStore.inMemory() : GraphStore.open(db);
             IngestProgress progress = new IngestProgress(err, IngestProgress.Mode.choose(verbosity.quiet), verbosity.verbose)) {
            if (db == null) {
                progress.note("no --db: ingesting into memory, nothing will be kept (a dry run)");
            }
            int deleted = 0;
            int failed = 0;
            for (String id : deletes) {
                if (store.delete(id)) {
                    deleted++;
                    progress.note("deleted " + id);
                } else {
                    failed++;
                    progress.error("--delete " + id + ": no article with that id in the store");
                }
            }
            IngestSummary summary = paths.isEmpty() ? new IngestSummary(0, 0, 0, 0, Duration.ZERO) : ingest(store, progress);
            progress.close();
            if (!noResolve && summary.ingested() > 0) {
                long resolving = System.nanoTime();
                StoreResolution.Outcome resolved = StoreResolution.run(store, MergeRules.none(), false);
                if (!resolved.merges().isEmpty()) {
                    err.println("resolve: " + ResolveCommand.summary(resolved, false, (System.nanoTime() - resolving) / 1e9));
                }
            }
            failed += summary.failed();
            err.println(String.format(Locale.ROOT, "%s%d ingested, %d unchanged, %d failed, %d triples in store, %.1f s%s",
                    deletes.isEmpty() ? "" : deleted + " deleted, ", summary.ingested(), summary.unchanged(), failed,
                    store.tripleCount(), (System.nanoTime() - start) / 1e9,
                    db == null ? " (in memory: nothing was kept)" : ""));
            err.flush();
            return failed == 0 ? Main.OK : Main.SOME_FAILED;
        }
    }

    private IngestSummary ingest(GraphStore store, IngestProgress progress) {
        progress.start(countArticles(reading.reader().listSources(paths)));
        // The converter is made when a first article needs it: a run over unchanged articles loads no models.
        Ingester ingester = Ingester.builder(store).listener(progress).threads(nlp.threads)
                .converter(() -> nlp.converter(annotator).build()).build();
        try (Stream<ReadResult> results = reading.reader().read(paths)) {
            return ingester.ingestAll(results);
        }
    }

    /**
     * About how many articles {@code files} hold, for the progress bar: one per {@code .txt} file,
     * one per non-blank line of a {@code .jsonl} file. Cheap next to the NLP.
     */
    static long countArticles(List<Path> files) {
        long n = 0;
        for (Path file : files) {
            n += file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? nonBlankLines(file) : 1;
        }
        return n;
    }

    private static long nonBlankLines(Path file) {
        long lines = 0;
        boolean content = false;
        byte[] chunk = new byte[1 << 16];
        // Read in chunks, not a byte at a time through a synchronized read(): a feed of gigabytes
        // is counted at the speed of the disk.
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
        } catch (IOException e) {
            return 1; // reading it will fail and say why
        }
        return lines + (content ? 1 : 0);
    }
}
