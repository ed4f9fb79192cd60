package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.resolve.MergeRules;
import org.newsgraph.resolve.StoreResolution;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.IngestSummary;
import org.newsgraph.transfer.GraphLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph load}: converted article graphs into a TDB2 graph store, without the NLP. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Stores article graphs converted already (by convert, the Spark job or export) in a TDB2 "
                + "database folder, as ingest stores the articles it converts: each graph replaces its article's, one "
                + "whose content hash is stored already is skipped. N-Quads, TriG or JSON-LD files, gzipped or not.",
                "Graphs are written many to a transaction: a first load of many articles runs about as fast as "
                + "tdb2.tdbloader. A stopped load can simply be started again.",
                "Exit status: 0 all loaded, 1 some graphs or files failed (the others are stored), 2 error."})
final class LoadCommand implements Callable<Integer> {

    /** How often a progress line is printed, in graphs. */
    private static final int PROGRESS_EVERY = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files of article graphs.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--db", paramLabel = "DIR", required = true,
            description = "The TDB2 database folder; created when new.")
    Path db;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
            description = "The most articles written in one transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--no-resolve", description = "Do not join the persons of the store afterwards (see resolve).")
    boolean noResolve;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        IngestSummary summary;
        try (GraphStore store = GraphStore.open(db)) {
            summary = GraphLoader.builder(store).batch(batch).listener(new Lines(err, verbosity.quiet)).build().load(files);
            if (!noResolve && summary.ingested() > 0) {
                long resolving = System.nanoTime();
                StoreResolution.Outcome resolved = StoreResolution.run(store, MergeRules.none(), false);
                if (!resolved.merges().isEmpty()) {
                    err.println("resolve: " + ResolveCommand.summary(resolved, false, (System.nanoTime() - resolving) / 1e9));
                }
            }
        }
        err.println(String.format(Locale.ROOT, "%d loaded (%d added, %d replaced), %d unchanged, %d failed, %.1f s",
                summary.ingested(), summary.added(), summary.replaced(), summary.unchanged(), summary.failed(),
                (System.nanoTime() - start) / 1e9));
        err.flush();
        return summary.failed() == 0 ? Main.OK : Main.SOME_FAILED;
    }

    /** A line per thousand graphs, and one per failure. */
    private static final class Lines implements GraphLoader.Listener {
        private final PrintWriter err;
        private final boolean quiet;
        private final long started = System.nanoTime();
        private long seen;

        Lines(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void loaded(String articleId, IngestOutcome outcome, int quads) {
            progress();
        }

        @Override
        public void unchanged(String articleId) {
            progress();
        }

        @Override
        public void failed(String message) {
            err.println("error: " + message);
            err.flush();
        }

        private void progress() {
            if (++seen % PROGRESS_EVERY == 0 && !quiet) {
                err.println(String.format(Locale.ROOT, "%,d graphs, %.0f s", seen, (System.nanoTime() - started) / 1e9));
                err.flush();
            }
        }
    }
}
