package org.newsgraph.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's SPARQL query processor with a cap on the number of solutions: a SELECT, CONSTRUCT or
 * DESCRIBE query without a LIMIT, or with a larger one, runs with {@code LIMIT cap}, and the
 * response says so in the header {@value #HEADER}. ASK is left alone.
 *
 * <p>Fuseki and ARQ have no setting for this, so the parsed query is rewritten, never its text:
 * OFFSET and everything else stay as they were, and a query within the cap is untouched. The cap
 * bounds the response (and CONSTRUCT's in-memory graph), not the work: the timeout bounds that.
 */
final class CappedQueryService extends SPARQL_QueryDataset {

    /** Response header present when a query was capped; its value is the cap. */
    static final String HEADER = "X-Newsgraph-Result-Limit";

    private final long cap;

    CappedQueryService(long cap) {
        this.cap = cap;
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
}
