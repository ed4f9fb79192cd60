package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.resolve.Merge;
import org.newsgraph.resolve.MergeRules;
import org.newsgraph.resolve.StoreResolution;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph resolve}: one person under one IRI across the articles of a store. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Joins the persons of a store that are one: a one-word name into the one fuller person of the "
                + "store it begins or ends (\"Imran\" into \"Imran Khan\"), and names that differ only in spaces and "
                + "hyphens. Two different full names never join. Every merge is recorded in the graph "
                + StoreResolution.RECORD_GRAPH + " with what it changed; a rules file can forbid a merge, which also "
                + "undoes it. ingest and load run this after storing (unless --no-resolve).",
                "Exit status: 0 done, 2 error."})
final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", required = true, description = "The TDB2 database folder.")
    Path db;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Merges to forbid (and undo), one per line: forbid<TAB>name or IRI<TAB>name or IRI.")
    Path rules;

    @Option(names = "--dry-run", description = "Only list the merges it would make.")
    boolean dryRun;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MergeRules mergeRules = rules == null ? MergeRules.none() : MergeRules.read(rules);
        StoreResolution.Outcome outcome;
        try (GraphStore store = GraphStore.openExisting(db)) {
            outcome = StoreResolution.run(store, mergeRules, dryRun);
        }
        if (!verbosity.quiet) {
            for (Merge m : outcome.merges()) {
                out.println(m.from() + "\t->\t" + m.into() + "\t" + m.graphs().size() + " articles\t" + m.reason());
            }
            out.flush();
        }
        err.println(summary(outcome, dryRun, (System.nanoTime() - start) / 1e9));
        err.flush();
        return Main.OK;
    }

    static String summary(StoreResolution.Outcome outcome, boolean dryRun, double seconds) {
        return String.format(Locale.ROOT, "%d %s, %d undone by the rules, %d article graphs changed, %.1f s",
                outcome.merges().size(), dryRun ? "merges found (dry run: nothing changed)" : "merges",
                outcome.undone(), outcome.graphs(), seconds);
    }
}
