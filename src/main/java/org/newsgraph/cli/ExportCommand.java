package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.store.GraphStore;
import org.newsgraph.transfer.ExportSummary;
import org.newsgraph.transfer.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsgraph export}: the store's article graphs to one RDF file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the article graphs of a database in one RDF format, streaming, for loading into "
                + "another graph store. Formats with named graphs (nquads, trig, jsonld, binary) keep one graph per "
                + "article; turtle, ntriples and rdfxml get the union of the graphs.",
                "A file is written under FILE.part and renamed when complete; FILE.gz is gzipped.",
                "Exit status: 0 written, 2 error (nothing written)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", required = true, description = "The TDB2 database folder.")
    Path db;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "nquads",
            description = "nquads, trig, turtle, ntriples, jsonld, rdfxml or binary (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--graph", paramLabel = "ID", description = "Export only this article; may be repeated (default: all).")
    List<String> graphs = new ArrayList<>();

    @Option(names = "--with-ontology",
            description = "Also write the ontology and the SHACL shapes, each in a graph of its own.")
    boolean withOntology;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.named(format);
        Exporter exporter = Exporter.builder().format(fmt).articles(graphs).withOntology(withOntology).build();
        long started = System.nanoTime();
        ExportSummary summary;
        try (GraphStore store = GraphStore.openExisting(db); OutputTarget target = OutputTarget.open(output)) {
            if (!fmt.keepsGraphs() && !verbosity.quiet) {
                spec.commandLine().getErr().println(fmt.cliName() + " has no named graphs: writing the union of the graphs");
            }
            summary = exporter.export(store, target.stream());
            target.commit();
            spec.commandLine().getErr().println(String.format(Locale.ROOT, "%d graph%s, %d triples written to %s as %s in %.1f s",
                    summary.graphs(), summary.graphs() == 1 ? "" : "s", summary.triples(), target, fmt.cliName(),
                    (System.nanoTime() - started) / 1e9));
        }
        return Main.OK;
    }
}
