package org.newsgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.pipeline.Lazy;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;
import org.newsgraph.query.QueryLimits;
import org.newsgraph.server.NewsServer;
import org.newsgraph.server.ServerLimits;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestListener;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph serve}: ingests the given articles, then serves the store over SPARQL with a query page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Ingests the given articles (as ingest does), then serves the store: SPARQL at /news/sparql, "
                + "the Graph Store at /news/data, a query page at /, entity pages at /entity, /healthz.",
                "Writes (/news/update, Graph Store writes, POST /news/ingest) need the password from --password-file "
                + "or the environment variable " + ServeCommand.PASSWORD_ENV + "; without one they are off.",
                "Runs until stopped (Ctrl-C). Exit status: 0 stopped, 2 error."})
final class ServeCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "NEWSGRAPH_PASSWORD";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Article files or folders to ingest before serving.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--db", paramLabel = "DIR",
            description = "The TDB2 database folder; created when new (default: in memory, gone when the server stops).")
    Path db;

    @Option(names = "--port", paramLabel = "PORT", description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port = NewsServer.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host = NewsServer.DEFAULT_HOST;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password that allows writes (default: the environment "
                    + "variable " + PASSWORD_ENV + "; without either, writes are off).")
    Path passwordFile;

    @Option(names = "--user", paramLabel = "NAME", description = "The user name that goes with the password (default: ${DEFAULT-VALUE}).")
    String user = NewsServer.DEFAULT_USER;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "The longest a SPARQL query may run, in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds = NewsServer.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--result-limit", paramLabel = "N",
            description = "The most rows (solutions) a query returns; larger LIMITs are lowered (default: ${DEFAULT-VALUE}).")
    long resultLimit = NewsServer.DEFAULT_RESULT_LIMIT;

    @Option(names = "--max-request-size", paramLabel = "SIZE", defaultValue = "64MB", converter = ReadOptions.Size.class,
            description = "The largest request body (an update, a graph PUT or POSTed, a query), as for "
                    + "--max-article-size (default: ${DEFAULT-VALUE}); a larger one is answered 413.")
    long maxRequestBytes = NewsServer.DEFAULT_MAX_REQUEST;

    @Option(names = "--triple-limit", paramLabel = "N",
            description = "The most triples a CONSTRUCT or DESCRIBE answers (the rest are cut, and a header says so) "
                    + "and a Graph Store read of one graph serves (a larger graph is answered 413) (default: ${DEFAULT-VALUE}).")
    long tripleLimit = NewsServer.DEFAULT_MAX_GRAPH_TRIPLES;

    @Option(names = "--max-running", paramLabel = "N",
            description = "Queries, entity pages and canned queries that run at once; the others wait their turn "
                    + "(default: twice the processors, at least 4).")
    Integer maxRunning;

    @Option(names = "--max-running-per-client", paramLabel = "N",
            description = "Of those, how many one client address may run at once (default: half of --max-running). "
                    + "Behind a reverse proxy every client has the proxy's address: raise it to --max-running.")
    Integer maxRunningPerClient;

    @Option(names = "--max-waiting", paramLabel = "N",
            description = "Requests that may wait for a turn, each up to 30 s; one more is answered 503 (default: ${DEFAULT-VALUE}).")
    int maxWaiting = ServerLimits.defaults().maxQueuedRequests();

    @Option(names = "--queries", paramLabel = "DIR",
            description = "A folder of canned .rq queries for the query page (default: those built into newsgraph).")
    Path queries;

    @Mixin
    ReadOptions reading = new ReadOptions();

    @Mixin
    NlpOptions nlp = new NlpOptions();

    @Mixin
    Verbosity verbosity = new Verbosity();

    /** The NLP to use; {@code null} for the standard CoreNLP pipeline, loaded on first need. */
    private final Annotator annotator;
    /**
     * The converter of the paths and of posted articles alike, made when a first article needs
     * it: serving a store loads no models.
     */
    private final Lazy<ArticleConverter> converter;
    /** Told about the running server, for tests; they stop it to end the command. */
    private final Consumer<NewsServer> started;
    private final UnaryOperator<String> env;

    ServeCommand() {
        this(null, server -> { }, System::getenv);
    }

    /** A command with {@code annotator} (no models), telling {@code started} of the server, reading {@code env}. */
    ServeCommand(Annotator annotator, Consumer<NewsServer> started, UnaryOperator<String> env) {
        this.annotator = annotator;
        this.converter = Lazy.of(() -> nlp.converter(annotator).build());
        this.started = started;
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> password = password();
        nlp.check(spec);
        if (timeoutSeconds <= 0 || Double.isNaN(timeoutSeconds)) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        ServerLimits limits = limits();
        if (tripleLimit <= 0) {
            throw new ParameterException(spec.commandLine(), "--triple-limit must be 1 or more, not " + tripleLimit);
        }
        QueryCatalog canned = queries != null ? QueryCatalog.load(queries) : QueryCatalog.builtIn();
        CountDownLatch closed = new CountDownLatch(1);
        try (GraphStore store = db == null ? GraphStore.inMemory() : GraphStore.open(db)) {
            if (!paths.isEmpty()) {
                ingest(store, err);
            }
            NewsServer server = NewsServer.builder().store(store).ingester(ingester(store, postedListener(err)))
                    .host(host).port(port).user(user).password(password)
                    .queryTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000))).resultLimit(resultLimit)
                    .maxRequestBytes(maxRequestBytes).limits(limits)
                    .maxGraphTriples(tripleLimit).queryLimits(QueryLimits.DEFAULT.withTriples(tripleLimit))
                    .queries(canned).build().start();
            Thread stopper = new Thread(() -> {
                server.stop();
                try {
                    closed.await(10, TimeUnit.SECONDS); // let the store close before the JVM halts
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsgraph-serve-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                err.println(server.startupLine());
                if (password.isPresent() && !isLoopback(host)) {
                    err.println("warning: writes use HTTP Basic authentication over plain HTTP; on " + host
                            + " the password crosses the network readable. Put a TLS proxy in front, or serve on 127.0.0.1.");
                }
                err.flush();
                started.accept(server);
                server.join();
            } finally {
                server.stop();
                removeHook(stopper);
            }
            return Main.OK;
        } finally {
            closed.countDown();
        }
    }

    private Optional<String> password() {
        if (passwordFile != null) {
            try {
                String first = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                if (first.isEmpty()) {
                    throw new NewsgraphException("--password-file " + passwordFile + ": the first line is empty; write the password there");
                }
                return Optional.of(first);
            } catch (IOException e) {
                throw new NewsgraphException("--password-file " + passwordFile + " cannot be read: " + e.getMessage(), e);
            }
        }
        String fromEnv = env.apply(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.strip());
    }

    private void ingest(GraphStore store, PrintWriter err) {
        long start = System.nanoTime();
        IngestSummary summary;
        try (IngestProgress progress = new IngestProgress(err, IngestProgress.Mode.choose(verbosity.quiet), verbosity.verbose);
             Stream<ReadResult> results = reading.reader().read(paths)) {
            progress.start(IngestCommand.countArticles(reading.reader().listSources(paths)));
            summary = ingester(store, progress).ingestAll(results);
        }
        err.println(String.format(Locale.ROOT, "%d ingested, %d unchanged, %d failed, %d triples in store, %.1f s",
                summary.ingested(), summary.unchanged(), summary.failed(), store.tripleCount(),
                (System.nanoTime() - start) / 1e9));
    }

    private Ingester ingester(GraphStore store, IngestListener listener) {
        return Ingester.builder(store).listener(listener).threads(nlp.threads).converter(converter).build();
    }

    /** One line per article posted to /news/ingest, unless quiet. */
    private IngestListener postedListener(PrintWriter err) {
        return new IngestListener() {
            @Override
            public void ingested(Article article, IngestOutcome outcome, int triples, Duration took) {
                if (!verbosity.quiet) {
                    log(String.format(Locale.ROOT, "%s: %s, %d triples in %.1f s", article.id(),
                            outcome.name().toLowerCase(Locale.ROOT), triples, took.toNanos() / 1e9));
                }
            }

            @Override
            public void unchanged(Article article) {
                if (!verbosity.quiet) {
                    log(article.id() + ": unchanged");
                }
            }

            @Override
            public void failed(String message, Throwable cause) {
                log("error: " + message);
            }

            private void log(String line) {
                synchronized (err) {
                    err.println("POST /news/ingest " + line);
                    err.flush();
                }
            }
        };
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, or has run.
        }
    }

    /** The server's limits from the options, or a usage error. */
    private ServerLimits limits() {
        int running = maxRunning != null ? maxRunning : ServerLimits.defaults().maxActiveRequests();
        int perClient = maxRunningPerClient != null ? maxRunningPerClient : Math.max(1, running / 2);
        if (running < 1 || perClient < 1 || maxWaiting < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--max-running and --max-running-per-client must be 1 or more, --max-waiting 0 or more");
        }
        return ServerLimits.builder().maxQueuedRequests(maxWaiting).maxActiveRequests(running)
                .maxActivePerClient(perClient)
                .maxThreads(Math.max(ServerLimits.defaults().maxThreads(), running + 12)).build();
    }
}
