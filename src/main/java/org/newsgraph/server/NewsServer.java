package org.newsgraph.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryLimits;
import org.newsgraph.query.RunningQueries;
import org.newsgraph.store.GraphStore;

/**
 * The newsgraph SPARQL server: an embedded Apache Jena Fuseki over one {@link GraphStore}, with
 * a browser query page, entity pages and an ingest endpoint.
 *
 * <table>
 * <caption>Endpoints (dataset {@value #DATASET})</caption>
 * <tr><th>path</th><th>what</th><th>who</th></tr>
 * <tr><td>{@code /news/sparql}</td><td>SPARQL 1.1 Query, GET and POST, every standard result
 *     format; at most {@link Builder#queryTimeout} per query and {@link Builder#resultLimit}
 *     rows</td><td>anyone</td></tr>
 * <tr><td>{@code /news/data}</td><td>Graph Store Protocol: GET and HEAD of one graph (at most
 *     {@link Builder#maxGraphTriples} triples) for anyone, of the whole store, PUT, POST and
 *     DELETE with credentials ({@link DownloadGuard})</td><td>anyone / user</td></tr>
 * <tr><td>{@code /news/update}</td><td>SPARQL 1.1 Update</td><td>user</td></tr>
 * <tr><td>{@code /news/ingest}</td><td>POST an article, get back its graph
 *     ({@link IngestService})</td><td>user</td></tr>
 * <tr><td>{@code /}</td><td>the query page (YASGUI)</td><td>anyone</td></tr>
 * <tr><td>{@code /entity?iri=...}</td><td>what the store says about one entity
 *     ({@link EntityPage})</td><td>anyone</td></tr>
 * <tr><td>{@code /queries}</td><td>the canned queries, as JSON, and {@code /queries/NAME?param=value}
 *     the query with values bound ({@link QueryListServlet})</td><td>anyone</td></tr>
 * <tr><td>{@code /api/queries}</td><td>the canned queries as JSON, {@code /api/queries/NAME?param=value}
 *     runs one and answers with its results, {@code /api/openapi.json} describes both
 *     ({@link CannedQueryApi})</td><td>anyone</td></tr>
 * <tr><td>{@code /healthz}</td><td>{@code {"status":"ok","articles":N,"triples":T}}</td><td>anyone</td></tr>
 * </table>
 *
 * <p>Writes need HTTP Basic credentials of the one user, checked by Jetty's security handler
 * (Fuseki's own set-up, with the password held in memory). Without a password, writes are off:
 * every write request is answered 403, never silently allowed. Binds to {@code 127.0.0.1}
 * unless told otherwise. Fuseki stays inside this package.
 *
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("news-db"))) {
 *     NewsServer server = NewsServer.builder().store(store).ingester(Ingester.builder(store).build())
 *             .port(3030).password(Optional.of(secret)).build().start();
 *     System.err.println(server.startupLine());
 *     server.join();
 * }
 * }</pre>
 *
 * Immutable after {@link Builder#build()}; start and stop once. Stopping does not close the store.
 */
public final class NewsServer implements AutoCloseable {

    /** The Fuseki dataset name: endpoints are {@code /news/sparql} and so on. */
    public static final String DATASET = "news";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final String DEFAULT_USER = "admin";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_RESULT_LIMIT = 10_000;
    /** Largest article body {@code /news/ingest} takes. */
    public static final int DEFAULT_MAX_BODY = 2 * 1024 * 1024;
    /** Largest body of any request (an update, a graph sent to {@code /news/data}, a query). */
    public static final long DEFAULT_MAX_REQUEST = 64L * 1024 * 1024;

    /** Most triples a Graph Store read of one graph returns; the whole store goes to the user only. */
    public static final long DEFAULT_MAX_GRAPH_TRIPLES = 100_000;

    /** Free space a write leaves on the store's disk at least; below it writes are answered 507. */
    public static final long DEFAULT_MIN_FREE_DISK = 32L * 1024 * 1024;

    static final Operation INGEST = Operation.alloc("https://w3id.org/newsgraph/server#ingest",
            "ingest", "Ingest one news article");

    private final GraphStore store;
    private final String host;
    private final String user;
    private final boolean writable;
    private final Duration queryTimeout;
    private final long resultLimit;
    private final int requestedPort;
    private final FusekiServer fuseki;
    /** The queries running now, cancelled when the server stops. */
    private final RunningQueries running = RunningQueries.create(Duration.ofMillis(200));
    /** The queue of reads in front of Fuseki. */
    private final FairQueue queue;
    private boolean started;

    private NewsServer(Builder b) {
        this.store = b.store;
        this.host = b.host;
        this.user = b.user;
        this.writable = b.password.isPresent();
        this.queryTimeout = b.queryTimeout;
        this.resultLimit = b.resultLimit;
        this.requestedPort = b.port;
        ServerSetup.Assembled assembled = ServerSetup.assemble(b, running);
        this.fuseki = assembled.fuseki();
        this.queue = assembled.queue();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @throws NewsgraphException when the port is taken or the host cannot be bound
     */
    public synchronized NewsServer start() {
        if (started) {
            throw new IllegalStateException("the server was started already");
        }
        started = true;
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new NewsgraphException("cannot serve at " + host + ":" + requestedPort + ": " + why
                    + "; choose another --port or --host", e);
        }
        return this;
    }

    /** The port listened on: the one asked for, or the one the system chose for port 0. */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The address of the query page, ending in {@code /}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return url() + DATASET + "/sparql";
    }

    /** Whether writes (update, Graph Store writes, ingest) are on. */
    public boolean writable() {
        return writable;
    }

    /**
     * The line to print at startup: {@code newsgraph serving 3 articles at http://127.0.0.1:3030/
     * (SPARQL: .../news/sparql, updates: off)}.
     */
    public String startupLine() {
        int articles = store.articleIds().size();
        return "newsgraph serving " + articles + (articles == 1 ? " article" : " articles") + " at " + url()
                + " (SPARQL: " + sparqlUrl() + ", updates: " + (writable ? "on for user " + user : "off")
                + ", query timeout " + seconds(queryTimeout) + ", at most " + resultLimit + " rows)";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /**
     * Stops listening and cancels the queries still running, waiting a little for them to end,
     * so that no read transaction is left open on the store; the store stays open. Idempotent.
     */
    public synchronized void stop() {
        if (started) {
            running.cancelAll();
            fuseki.stop();
            running.stopAll(Duration.ofSeconds(5));
            started = false;
        }
    }

    /** The queue of reads; for tests. */
    FairQueue queue() {
        return queue;
    }

    /** The queries running now; for tests. */
    RunningQueries runningQueries() {
        return running;
    }

    @Override
    public void close() {
        stop();
    }

    /** Options of a server; all but the store have defaults. */
    public static final class Builder {
        // Read by ServerSetup, which assembles Fuseki from them; set only through the methods.
        GraphStore store;
        Ingester ingester;
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        String user = DEFAULT_USER;
        Optional<String> password = Optional.empty();
        Duration queryTimeout = DEFAULT_TIMEOUT;
        long resultLimit = DEFAULT_RESULT_LIMIT;
        int maxBodyBytes = DEFAULT_MAX_BODY;
        long maxRequestBytes = DEFAULT_MAX_REQUEST;
        QueryCatalog queries = QueryCatalog.of(List.of());
        ServerLimits limits = ServerLimits.defaults();
        long maxGraphTriples = DEFAULT_MAX_GRAPH_TRIPLES;
        long minFreeDiskBytes = DEFAULT_MIN_FREE_DISK;
        QueryLimits queryLimits = QueryLimits.DEFAULT;

        private Builder() {
        }

        /** The store to serve; required. The server does not close it. */
        public Builder store(GraphStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * What {@code /news/ingest} converts and stores articles with; it must write into the
         * same store. Default: none, and no ingest endpoint.
         */
        public Builder ingester(Ingester ingester) {
            this.ingester = Objects.requireNonNull(ingester, "ingester");
            return this;
        }

        /** The address to listen on; default {@value NewsServer#DEFAULT_HOST}, this machine only. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; default {@value NewsServer#DEFAULT_PORT}; 0 for any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** The one user who may write; default {@value NewsServer#DEFAULT_USER}. */
        public Builder user(String user) {
            Objects.requireNonNull(user, "user");
            if (user.isBlank() || user.contains(":")) {
                throw new IllegalArgumentException("user name '" + user + "' is blank or contains ':'");
            }
            this.user = user;
            return this;
        }

        /** The user's password; empty (the default) turns every write off. */
        public Builder password(Optional<String> password) {
            Objects.requireNonNull(password, "password");
            if (password.isPresent() && password.get().isEmpty()) {
                throw new IllegalArgumentException("the password is empty");
            }
            this.password = password;
            return this;
        }

        /** The longest a query may run; default 30 s. */
        public Builder queryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() <= 0) {
                throw new IllegalArgumentException("query timeout " + timeout + " is not positive");
            }
            this.queryTimeout = timeout;
            return this;
        }

        /** The most solutions a query returns; larger or missing LIMITs are lowered to it. Default 10,000. */
        public Builder resultLimit(long limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("result limit " + limit + " is not positive");
            }
            this.resultLimit = limit;
            return this;
        }

        /** The largest article body {@code /news/ingest} accepts, in bytes; default 2 MB. */
        public Builder maxBodyBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("body limit " + bytes + " is not positive");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * The largest body of any request, in bytes; a larger one is answered 413 unread.
         * Default 64 MB. Ingest has its own, smaller limit ({@link #maxBodyBytes}).
         */
        public Builder maxRequestBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("request size limit " + bytes + " is not positive");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** The canned queries the query page lists and {@code /api/queries} runs; default none. */
        public Builder queries(QueryCatalog queries) {
            this.queries = Objects.requireNonNull(queries, "queries");
            return this;
        }

        /** What one query may build: triples of a graph answer, GROUP_CONCAT strings, nesting; default {@link QueryLimits#DEFAULT}. */
        public Builder queryLimits(QueryLimits limits) {
            this.queryLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The most triples a Graph Store read of one graph ({@code GET /news/data?graph=IRI})
         * returns; a larger graph is answered 413. Default 100,000.
         */
        public Builder maxGraphTriples(long triples) {
            if (triples <= 0) {
                throw new IllegalArgumentException("graph size limit " + triples + " is not positive");
            }
            this.maxGraphTriples = triples;
            return this;
        }

        /**
         * The free space on the store's disk below which writes are answered 507 Insufficient
         * Storage, beside the body of the write; default 32 MB.
         */
        public Builder minFreeDiskBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("free disk space " + bytes + " is negative");
            }
            this.minFreeDiskBytes = bytes;
            return this;
        }

        /** How many requests run and wait at once, and how long clients may take; default {@link ServerLimits#defaults()}. */
        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @throws NewsgraphException when the query page is not on the class path
         */
        public NewsServer build() {
            if (store == null) {
                throw new IllegalStateException("a NewsServer needs a store");
            }
            return new NewsServer(this);
        }
    }
}
