package org.newsgraph.query;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.QueryLimitException;
import org.newsgraph.error.QueryTimeoutException;

/**
 * Where queries run: a dataset in this process (a {@link org.newsgraph.store.GraphStore}'s, any
 * Jena {@link DatasetGraph}, or RDF {@link #files} read into memory) or any SPARQL 1.1 endpoint
 * over HTTP. Both run the same query
 * object and give the whole result in memory.
 *
 * <pre>{@code
 * QueryTarget target = QueryTarget.remote("http://localhost:3030/news/sparql").withTimeout(Duration.ofSeconds(30));
 * QueryResult result = target.run(QueryCatalog.builtIn().get("top-speakers").bind(Map.of()));
 * }</pre>
 *
 * The canned queries name their graphs with {@code GRAPH ?article}, so they work the same
 * whatever an endpoint takes as its default graph. Immutable; thread-safe when the dataset is.
 */
public final class QueryTarget {

    private final DatasetGraph dataset;
    private final String endpoint;
    private final Duration timeout;
    /** What a query on a local dataset may use; a remote endpoint has limits of its own. */
    private final QueryLimits limits;

    private QueryTarget(DatasetGraph dataset, String endpoint, Duration timeout, QueryLimits limits) {
        this.dataset = dataset;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.limits = limits;
    }

    /**
     * Queries run on {@code dataset}, each in its own read transaction, within
     * {@link QueryLimits#DEFAULT} (see {@link QueryGuard}).
     */
    public static QueryTarget local(DatasetGraph dataset) {
        return new QueryTarget(Objects.requireNonNull(dataset, "dataset"), null, null, QueryLimits.DEFAULT);
    }

    /**
     * Queries run on {@code files} (TriG, N-Quads or any RDF syntax Jena reads) read into one
     * dataset in memory, their named graphs kept.
     *
     * @throws BadInputException naming the file when one is missing or is not RDF
     */
    public static QueryTarget files(List<Path> files) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file + ": no such file");
            }
            try {
                RDFParser.source(file).parse(dsg);
            } catch (RiotException e) {
                throw new BadInputException(file + ": not RDF that newsgraph can read: " + e.getMessage(), e);
            }
        }
        return local(dsg);
    }

    /**
     * Whether this is a dataset in this process with triples only in its default graph: the
     * canned queries look in article graphs, so they would find nothing there.
     */
    public boolean hasOnlyADefaultGraph() {
        return dataset != null && Txn.calculateRead(dataset,
                () -> !dataset.listGraphNodes().hasNext() && !dataset.getDefaultGraph().isEmpty());
    }

    /**
     * Queries are sent to the SPARQL endpoint at {@code url} (the query service URL, for Fuseki
     * {@code http://host:3030/DATASET/sparql} or {@code .../query}).
     *
     * @throws NewsgraphException when {@code url} is not an absolute http or https URL
     */
    public static QueryTarget remote(String url) {
        Objects.requireNonNull(url, "url");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new URISyntaxException(url, "not an http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new NewsgraphException("endpoint '" + url + "' is not an http(s) URL such as http://localhost:3030/news/sparql");
        }
        return new QueryTarget(null, url, null, QueryLimits.DEFAULT);
    }

    /** The same target with queries stopped after {@code limit}. */
    public QueryTarget withTimeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + limit);
        }
        return new QueryTarget(dataset, endpoint, limit, limits);
    }

    /** The same target with queries on a local dataset run within {@code limits}. */
    public QueryTarget withLimits(QueryLimits limits) {
        return new QueryTarget(dataset, endpoint, timeout, Objects.requireNonNull(limits, "limits"));
    }

    /** The endpoint URL, or empty for a local dataset. */
    public Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Runs a bound canned query. */
    public QueryResult run(BoundQuery query) {
        try {
            return execute(query.query());
        } catch (QueryTimeoutException e) {
            throw new QueryTimeoutException("query '" + query.name() + "': " + e.getMessage(), e.getCause());
        } catch (QueryLimitException e) {
            throw new QueryLimitException("query '" + query.name() + "': " + e.getMessage(), e.getCause());
        } catch (BadInputException e) {
            throw new BadInputException("query '" + query.name() + "': " + e.getMessage(), e);
        } catch (NewsgraphException e) {
            throw new NewsgraphException("query '" + query.name() + "': " + e.getMessage(), e.getCause());
        }
    }

    /**
     * Runs {@code query} and returns its whole result.
     *
     * @throws NewsgraphException when the query fails, takes longer than the timeout, or the
     *                            endpoint cannot be reached or answers with an error
     */
    public QueryResult execute(Query query) {
        return execute(query, new AtomicBoolean());
    }

    /**
     * Runs {@code query} and returns its whole result; setting {@code cancel} stops it (as the
     * timeout does) when it runs on a local dataset.
     *
     * @throws QueryLimitException when the query passed one of the {@link QueryLimits}
     * @throws QueryTimeoutException when it ran past the timeout or was cancelled
     * @throws NewsgraphException when it fails otherwise, or the endpoint cannot be reached or
     *                            answers with an error
     */
    public QueryResult execute(Query query, AtomicBoolean cancel) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(cancel, "cancel");
        try {
            if (dataset != null) {
                QueryGuard.requireShallow(query, limits.nesting());
                // On a copy of ARQ's and the dataset's settings: a context of its own would drop
                // them, and with them the optimizations the canned queries are written for
                // (a page of `articles` took 40 times longer).
                Context guarded = Context.setupContextForDataset(ARQ.getContext(), dataset);
                QueryGuard.install(guarded, limits);
                guarded.set(ARQConstants.symCancelQuery, cancel);
                return Txn.calculateRead(dataset, () -> collect(QueryExec.dataset(dataset).context(guarded), query));
            }
            // A query too long for a GET URL goes as an HTML form, not as a raw
            // application/sparql-query body: Virtuoso 7.2 leaves such a body unanswered.
            return collect(QueryExecHTTP.service(endpoint).sendMode(QuerySendMode.asGetWithLimitForm), query);
        } catch (OverLimitException e) {
            throw new QueryLimitException(e.getMessage(), e);
        } catch (QueryCancelledException e) {
            throw new QueryTimeoutException("the query took longer than the limit of " + timeout.toMillis() / 1000.0
                    + " s and was stopped", e);
        } catch (HttpException e) {
            throw new NewsgraphException(httpMessage(e.getStatusCode(), e.getStatusLine(), e.getResponse(), e), e);
        } catch (QueryExceptionHTTP e) {
            throw new NewsgraphException(httpMessage(e.getStatusCode(), e.getResponseMessage(), e.getResponse(), e), e);
        } catch (QueryException e) {
            throw new NewsgraphException("the query failed on " + this + ": " + e.getMessage(), e);
        }
    }

    private QueryResult collect(QueryExecBuilder builder, Query query) {
        builder.query(query);
        if (timeout != null) {
            builder.timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        try (QueryExec exec = builder.build()) {
            var prefixes = query.getPrefixMapping().getNsPrefixMap();
            switch (query.queryType()) {
                case SELECT -> {
                    RowSet rows = exec.select();
                    List<String> vars = rows.getResultVars().stream().map(Var::getVarName).toList();
                    List<Binding> copied = new ArrayList<>();
                    // Copy each row: nodes from a store may be read lazily, within the transaction.
                    rows.forEachRemaining(b -> {
                        BindingBuilder copy = Binding.builder();
                        b.forEach(copy::add);
                        copied.add(copy.build());
                    });
                    return new QueryResult.Rows(vars, copied, prefixes);
                }
                case ASK -> {
                    return new QueryResult.Answer(exec.ask());
                }
                case CONSTRUCT -> {
                    if (dataset == null) {
                        return new QueryResult.Triples(exec.construct(), prefixes);
                    }
                    CappedGraphs.Capped<DatasetGraph> built = CappedGraphs.construct(exec, limits.triples());
                    Graph g = GraphFactory.createDefaultGraph();
                    built.result().find().forEachRemaining(q -> g.add(q.asTriple()));
                    return new QueryResult.Triples(g, prefixes, built.truncated());
                }
                case DESCRIBE -> {
                    if (dataset == null) {
                        return new QueryResult.Triples(exec.describe(), prefixes);
                    }
                    CappedGraphs.Capped<Graph> described = CappedGraphs.describe(exec, limits.triples());
                    return new QueryResult.Triples(described.result(), prefixes, described.truncated());
                }
                default -> throw new NewsgraphException("a " + query.queryType() + " query cannot be run; "
                        + "use SELECT, ASK, CONSTRUCT or DESCRIBE");
            }
        }
    }

    private String httpMessage(int status, String statusLine, String response, Exception e) {
        if (status <= 0) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "cannot reach the SPARQL endpoint " + endpoint + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        }
        String body = response == null ? "" : response.strip().replaceAll("\\s+", " ");
        if (body.length() > 300) {
            body = body.substring(0, 297) + "...";
        }
        return "the SPARQL endpoint " + endpoint + " answered HTTP " + status
                + (statusLine == null || statusLine.isBlank() ? "" : " " + statusLine) + (body.isEmpty() ? "" : ": " + body);
    }

    @Override
    public String toString() {
        return endpoint != null ? "endpoint " + endpoint : "the local dataset";
    }
}
