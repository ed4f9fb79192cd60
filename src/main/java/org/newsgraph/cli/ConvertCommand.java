package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.pipeline.ParallelConverter;
import org.newsgraph.pipeline.RdfStreamSink;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph convert}: articles to RDF, one named graph per article. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Reads articles (.txt, .jsonl, or folders of them), extracts persons, organizations, "
                + "roles, statements and events, and writes them as RDF.",
                "Exit status: 0 all converted, 1 some articles failed (the others are written), 2 error."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders.")
    List<Path> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "nquads",
            description = "nquads, trig, turtle, ntriples, jsonld, rdfxml or binary (default: ${DEFAULT-VALUE}). "
                    + "turtle, ntriples and rdfxml have no named graphs: they get the union of all graphs.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriMinter.DEFAULT_BASE,
            description = "Base of the IRIs minted for articles, entities and facts (default: ${DEFAULT-VALUE}).")
    String base;

    @Mixin
    ReadOptions reading = new ReadOptions();

    @Mixin
    NlpOptions nlp = new NlpOptions();

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.named(format);
        PrintWriter err = spec.commandLine().getErr();
        nlp.check(spec);
        Progress progress = new Progress(err, verbosity.quiet);
        ArticleConverter converter = nlp.converter(null)
                .iris(new IriMinter(base))
                .build();
        if (!fmt.keepsGraphs()) {
            progress.note(fmt.cliName() + " has no named graphs: writing the union of all article graphs");
        }
        try (OutputTarget target = OutputTarget.open(output); Stream<ReadResult> articles = reading.reader().read(paths)) {
            ParallelConverter batch = ParallelConverter.builder().converter(converter).threads(nlp.threads).build();
            RdfStreamSink.writeAll(batch, articles, fmt.newWriter(target.stream()), new RdfStreamSink.Listener() {
                @Override
                public void converted(Article article, int quads, long nanos) {
                    progress.converted(article.id(), quads, nanos);
                }

                @Override
                public void failed(String message, RuntimeException cause) {
                    progress.failed(message, verbosity.verbose ? cause : null);
                }
            });
            target.commit();
        }
        progress.summary();
        return progress.failures() == 0 ? Main.OK : Main.SOME_FAILED;
    }
}
