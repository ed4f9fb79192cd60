package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph compact}: gives back the space of replaced and deleted article graphs. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compacts a TDB2 database folder: TDB2 keeps the space of every graph that an ingest replaced "
                + "or deleted, so a store that is kept up to date grows; this writes the live data anew and deletes "
                + "the old files. The folder must not be in use by another command or a server.",
                "Exit status: 0 done, 2 error."})
final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", required = true, description = "The TDB2 database folder.")
    Path db;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        StoreCompaction.Result result;
        try (GraphStore store = GraphStore.openExisting(db)) {
            result = StoreCompaction.compact(store);
        }
        // The closing summary: printed with --quiet too.
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "compacted %s: %s -> %s in %.1f s", db, megabytes(result.bytesBefore()),
                megabytes(result.bytesAfter()), result.nanos() / 1e9));
        err.flush();
        return Main.OK;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
