package org.newsgraph.server;

import java.time.Duration;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.web.HttpSC;
import org.newsgraph.error.BadInputException;
import org.newsgraph.query.CappedGraphs;
import org.newsgraph.query.OverLimitException;
import org.newsgraph.query.QueryGuard;
import org.newsgraph.query.QueryLimits;
import org.newsgraph.query.RunningQueries;

/**
 * Fuseki's SPARQL query processor within the server's limits:
 *
 * <ul>
 * <li>A SELECT, CONSTRUCT or DESCRIBE query without a LIMIT, or with a larger one, runs with
 *     {@code LIMIT cap}, and the response says so in the header {@value #HEADER}. ASK is left
 *     alone. Fuseki and ARQ have no setting for this, so the parsed query is rewritten, never
 *     its text: OFFSET and everything else stay as they were, and a query within the cap is
 *     untouched.</li>
 * <li>A CONSTRUCT or DESCRIBE answer holds at most {@link QueryLimits#triples} triples; one cut
 *     there has the header {@value #TRIPLE_HEADER} (its value is that limit).</li>
 * <li>The query runs with {@link QueryGuard}: regular expressions the timeout stops, a cap on
 *     GROUP_CONCAT (over it: 422 and a message), a query nested too deeply refused with 400.</li>
 * <li>It is registered with {@link RunningQueries} while it runs, which cancels it when its
 *     client closes the connection ({@link ClientConnection}) or the server stops.</li>
 * </ul>
 *
 * The row cap bounds the response (and CONSTRUCT's in-memory graph), not the work: the timeout
 * bounds that.
 */
final class CappedQueryService extends SPARQL_QueryDataset {

    /** Response header present when a query was capped; its value is the cap. */
    static final String HEADER = "X-Newsgraph-Result-Limit";
    /** Response header present when a graph answer was cut at the triple limit; its value is that limit. */
    static final String TRIPLE_HEADER = "X-Newsgraph-Triple-Limit";
    /** Request attribute holding the {@link ClientConnection.Probe} of a query's connection. */
    private static final String PROBE = CappedQueryService.class.getName() + ".probe";

    private final long cap;
    private final Duration timeout;
    private final QueryLimits limits;
    private final RunningQueries running;

    CappedQueryService(long cap, Duration timeout, QueryLimits limits, RunningQueries running) {
        this.cap = cap;
        this.timeout = timeout;
        this.limits = limits;
        this.running = running;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        refuseDeepNesting(queryString);
        ClientConnection.Probe probe = ClientConnection.goneCheck(action.getRequest());
        action.getRequest().setAttribute(PROBE, probe);
        try (RunningQueries.Running query = running.start(timeout, probe)) {
            action.getContext().set(ARQConstants.symCancelQuery, query.cancelSignal());
            QueryGuard.install(action.getContext(), limits);
            try {
                super.execute(queryString, action);
            } catch (OverLimitException e) {
                answerIfNotStarted(action, HttpSC.UNPROCESSABLE_ENTITY_422, e.getMessage(), e);
            } catch (QueryCancelledException e) {
                if (query.cancelReason() == null) {
                    throw e; // the timeout: Fuseki answers 503
                }
                answerIfNotStarted(action, HttpSC.SERVICE_UNAVAILABLE_503, "the query was cancelled: "
                        + query.cancelReason(), e);
            } catch (StackOverflowError e) {
                answerIfNotStarted(action, HttpSC.BAD_REQUEST_400, tooDeep(), new QueryCancelledException());
            } finally {
                probe.stop();
            }
        }
    }

    /**
     * Answers 400 to a query nested deeper than the limit, before Fuseki parses it (its log line
     * prints the query by recursion, which such a query overflows).
     */
    private void refuseDeepNesting(String queryString) {
        try {
            Query parsed = QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
            QueryGuard.requireShallow(parsed, limits.nesting());
        } catch (QueryParseException e) {
            // Fuseki parses it again and answers 400 with its own message.
        } catch (BadInputException e) {
            ServletOps.errorBadRequest(e.getMessage());
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest(tooDeep());
        }
    }

    private String tooDeep() {
        return "the query is nested too deeply to run (more than " + limits.nesting() + " levels); "
                + "use IN (...) or VALUES for a long list of alternatives";
    }

    /** A clean error status while nothing of the answer has been sent; past that the answer can only break off. */
    private static void answerIfNotStarted(HttpAction action, int status, String message, RuntimeException cause) {
        if (action.getResponse().isCommitted()) {
            throw cause;
        }
        ServletOps.error(status, message);
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> chosen = super.decideDataset(action, query, queryStringLog);
        Query q = chosen.getRight() != null ? chosen.getRight() : query;
        if (!needsCap(q)) {
            return chosen;
        }
        Query capped = q == query ? q.cloneQuery() : q;
        capped.setLimit(cap);
        action.setResponseHeader(HEADER, Long.toString(cap));
        return Pair.create(chosen.getLeft(), capped);
    }

    private boolean needsCap(Query q) {
        boolean bounded = q.hasLimit() && q.getLimit() <= cap;
        return !bounded && (q.isSelectType() || q.isConstructType() || q.isDescribeType());
    }

    /** As Fuseki's, but a graph answer is collected up to the triple limit, not whole. */
    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
        if (requestQuery.isConstructType()) {
            CappedGraphs.Capped<DatasetGraph> built = CappedGraphs.construct(exec, limits.triples());
            markIfCut(action, built.truncated());
            return new QueryExecResult(built.result());
        }
        if (requestQuery.isDescribeType()) {
            CappedGraphs.Capped<Graph> described = CappedGraphs.describe(exec, limits.triples());
            markIfCut(action, described.truncated());
            return new QueryExecResult(described.result());
        }
        return super.executeQuery(action, exec, requestQuery, queryStringLog);
    }

    private void markIfCut(HttpAction action, boolean truncated) {
        if (truncated) {
            action.setResponseHeader(TRIPLE_HEADER, Long.toString(limits.triples()));
        }
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        if (action.getRequest().getAttribute(PROBE) instanceof ClientConnection.Probe probe) {
            probe.stopBeforeAnswer(action.getResponse());
        }
        super.sendResults(action, result, prologue);
    }
}
