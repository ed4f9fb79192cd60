package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.json.JSON;
import org.newsgraph.audit.AuditReport;
import org.newsgraph.audit.StoreAudit;
import org.newsgraph.resolve.MergeRules;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph audit}: what a user of a store should look at, with counts and examples. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Reports what in a store may need fixing, with counts and examples: persons that may be one, "
                + "names that are both a person and a place or organization, roles whose organization or place their "
                + "sentence does not name (stated, and only implied by the article), and parties whose name is a league, "
                + "a labour body, a ministry or a minister. Reads the store only.",
                "Exit status: 0 done, 2 error."})
final class AuditCommand implements Callable<Integer> {

    /** What the audit writes. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", required = true, description = "The TDB2 database folder.")
    Path db;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "10",
            description = "Examples shown a check, most named first (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "The resolve rules file: pairs it forbids are not reported as possible duplicates.")
    Path rules;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people) or json (for scripts); default ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        if (examples < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--examples must be 0 or more, not " + examples);
        }
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        MergeRules mergeRules = rules == null ? MergeRules.none() : MergeRules.read(rules);
        AuditReport report;
        try (GraphStore store = GraphStore.openExisting(db)) {
            report = StoreAudit.run(store, mergeRules, examples);
        }
        out.print(format == Format.json ? JSON.toString(report.json()) + System.lineSeparator() : report.text());
        out.flush();
        if (!verbosity.quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(String.format(Locale.ROOT, "audited %s in %.1f s", db, (System.nanoTime() - start) / 1e9));
            err.flush();
        }
        return Main.OK;
    }
}
