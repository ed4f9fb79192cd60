package org.newsgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.store.GraphStore;
import org.newsgraph.transfer.GraphPusher;
import org.newsgraph.transfer.PushListener;
import org.newsgraph.transfer.PushReport;
import org.newsgraph.transfer.PushTarget;
import org.newsgraph.transfer.RetryPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph push}: article graphs into another graph store over SPARQL 1.1. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Copies the article graphs of a database into another graph store (GraphDB, Virtuoso, RDF4J, "
                + "Stardog, Neptune, Fuseki, ...) by the SPARQL 1.1 Graph Store Protocol (a PUT per graph) or by SPARQL "
                + "Update. Each graph is replaced whole, so pushing again changes nothing; a journal in the database "
                + "folder records what the target accepted, so a push that stopped resumes where it was; afterwards "
                + "every graph is counted in the target.",
                "Exit status: 0 all graphs pushed and verified, 1 some graphs failed or differ, 2 error (run again to resume)."})
final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", required = true, description = "The TDB2 database folder.")
    Path db;

    @Option(names = "--endpoint", paramLabel = "URL", required = true,
            description = "Graph Store Protocol service (e.g. http://host:3030/ds/data, "
                    + "http://host/rdf4j-server/repositories/ID/rdf-graphs/service, http://host:8890/sparql-graph-crud-auth), "
                    + "or with --protocol update the SPARQL Update endpoint.")
    String endpoint;

    @Option(names = "--protocol", paramLabel = "gsp|update", defaultValue = "gsp",
            description = "gsp: a PUT per graph; update: DROP + INSERT DATA, several graphs per request (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--query-endpoint", paramLabel = "URL",
            description = "SPARQL query endpoint for counting what arrived (default: read each graph back by the Graph Store "
                    + "Protocol; with --protocol update, the update endpoint).")
    String queryEndpoint;

    @Option(names = "--user", paramLabel = "USER", description = "User for HTTP Basic or Digest authentication.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password (kept off the command line and out of `ps`).")
    Path passwordFile;

    @Option(names = "--graph", paramLabel = "ID", description = "Push only this article; may be repeated (default: all).")
    List<String> graphs = new ArrayList<>();

    @Option(names = "--with-ontology", description = "Also push the ontology and the SHACL shapes, each as a graph of its own.")
    boolean withOntology;

    @Option(names = "--batch", paramLabel = "TRIPLES", defaultValue = "10000",
            description = "With --protocol update: at most this many triples per request, whole graphs always (default: ${DEFAULT-VALUE}).")
    long batch;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Tries per request when the target fails for a passing reason, with backoff (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Where to record what the target accepted (default: a file per target in DIR/push-journal/).")
    Path journal;

    @Option(names = "--fresh", description = "Forget the journal: send every graph again.")
    boolean fresh;

    @Option(names = "--no-verify", description = "Skip counting the graphs in the target afterwards.")
    boolean noVerify;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PushTarget target = target();
        Path journalFile = journal != null ? journal : db.resolve("push-journal").resolve(journalName(target.endpoint()));
        long started = System.nanoTime();
        PushReport report;
        try (GraphStore store = GraphStore.openExisting(db)) {
            GraphPusher pusher = GraphPusher.builder()
                    .target(target).journal(journalFile).fresh(fresh).verify(!noVerify).withOntology(withOntology)
                    .triplesPerRequest(batch)
                    .retry(new RetryPolicy(Math.max(1, retries), RetryPolicy.DEFAULT.firstDelay(), RetryPolicy.DEFAULT.maxDelay()))
                    .listener(new Lines(err, verbosity.quiet))
                    .build();
            report = pusher.push(store, graphs);
        }
        err.println(summary(report, target, (System.nanoTime() - started) / 1e9));
        report.mismatches().forEach((id, why) -> err.println("differs: " + id + ": " + why));
        err.flush();
        return report.complete() ? Main.OK : Main.SOME_FAILED;
    }

    private PushTarget target() {
        Optional<PushTarget.Credentials> credentials = Optional.empty();
        if (user != null || passwordFile != null) {
            if (user == null || passwordFile == null) {
                throw new NewsgraphException("give --user and --password-file together");
            }
            credentials = Optional.of(new PushTarget.Credentials(user, readPassword(passwordFile)));
        }
        return new PushTarget(uri(endpoint, "--endpoint"), PushTarget.Protocol.named(protocol),
                Optional.ofNullable(queryEndpoint).map(q -> uri(q, "--query-endpoint")), credentials);
    }

    private static URI uri(String text, String option) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new NewsgraphException(option + " " + text + " is not a URL: " + e.getReason());
        }
    }

    private static String readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new NewsgraphException("password file " + file + " is empty");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new NewsgraphException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A readable file name for the target's journal, unique by a digest of the URL. */
    static String journalName(URI endpoint) {
        String readable = (endpoint.getHost() + "-" + endpoint.getPort() + endpoint.getPath()).replaceAll("[^A-Za-z0-9]+", "-");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(endpoint.toString().getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 4) + ".journal";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static String summary(PushReport r, PushTarget target, double seconds) {
        String verified = r.verified() < 0 ? "not verified"
                : r.verified() + " of " + r.graphs() + " graphs verified in the target";
        return String.format(Locale.ROOT, "%d graph%s: %d sent (%d triples), %d already there, %d failed; %s; %s, %.1f s",
                r.graphs(), r.graphs() == 1 ? "" : "s", r.sent(), r.triplesSent(), r.skipped(), r.failures().size(),
                verified, target.endpoint(), seconds);
    }

    /** Progress lines for people. */
    private record Lines(PrintWriter err, boolean quiet) implements PushListener {
        @Override
        public void sent(String id, long triples) {
            note("sent " + id + ": " + triples + " triples");
        }

        @Override
        public void retrying(String what, int attempt, Duration delay, String reason) {
            note(String.format(Locale.ROOT, "retrying %s in %.1f s (try %d failed: %s)", what, delay.toMillis() / 1e3, attempt, reason));
        }

        @Override
        public void failed(String id, String reason) {
            err.println("error: " + id + ": " + reason);
            err.flush();
        }

        private void note(String line) {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        }
    }
}
