package org.newsgraph.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * A canned query with its parameters bound, ready to run on any {@link QueryTarget}.
 *
 * @param source the canned query
 * @param values the parameters that got a value, by name, as the RDF terms put into the query;
 *               parameters left empty are absent (their variables stay unbound)
 * @param query  the query with the values in place (this accessor gives a copy)
 */
public record BoundQuery(CannedQuery source, Map<String, Node> values, Query query) {

    /** The limit of {@link #page} that gives every solution from the offset on. */
    public static final long NO_LIMIT = Query.NOLIMIT;

    public BoundQuery {
        Objects.requireNonNull(source, "source");
        values = Map.copyOf(values);
        query = Objects.requireNonNull(query, "query").cloneQuery();
    }

    /** A copy of the query with the values in place. */
    @Override
    public Query query() {
        return query.cloneQuery();
    }

    /** The query as SPARQL text: what a remote endpoint is sent. */
    public String sparql() {
        return query.serialize();
    }

    /**
     * One page of this query's solutions, in its own order: {@code limit} solutions from the
     * {@code offset}-th on (0 is the first). A LIMIT or OFFSET the query has itself still holds:
     * the page is a window on what the query gives, never past its end.
     *
     * <p>When the query's pattern starts with a sub-SELECT sorted by the same ORDER BY as the
     * query itself and without a LIMIT (or with one that starts so, unsorted, and so on down),
     * that sorted sub-SELECT is cut at the page's end too: the rest
     * of the query then runs for the rows of the first pages only, not for the whole store
     * (counts per article, say). A query is written that way only when each row of that
     * sub-SELECT gives one row of the result, in the same order (the rest being OPTIONAL
     * patterns and aggregates per row), so the cut changes no page.
     *
     * @param limit  the most solutions to give, or {@link #NO_LIMIT} for all from the offset on
     * @param offset how many solutions to skip first
     * @throws IllegalArgumentException when {@code limit} or {@code offset} is negative
     */
    public BoundQuery page(long limit, long offset) {
        if (limit < 0 && limit != NO_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
        }
        Query paged = query.cloneQuery();
        long ownOffset = query.hasOffset() ? query.getOffset() : 0;
        long pageLimit = limit;
        if (query.hasLimit()) {
            long left = Math.max(0, query.getLimit() - offset);
            pageLimit = limit == NO_LIMIT ? left : Math.min(limit, left);
        }
        // Sums saturate: a limit or offset near Long.MAX_VALUE (a client's "all of them") must
        // not wrap round to a negative number, which gives no rows (ARQ adds OFFSET and LIMIT
        // too, to sort only the first rows). A page whose end passes Long.MAX_VALUE has no end.
        long start = saturatedAdd(ownOffset, offset);
        long end = pageLimit == NO_LIMIT ? Long.MAX_VALUE : saturatedAdd(start, pageLimit);
        paged.setLimit(end == Long.MAX_VALUE ? NO_LIMIT : pageLimit);
        paged.setOffset(start == 0 ? Query.NOLIMIT : start);
        if (end != Long.MAX_VALUE && paged.hasOrderBy()) {
            cutLeadingSubSelect(paged, paged.getOrderBy(), end);
        }
        return new BoundQuery(source, values, paged);
    }

    /** {@code a + b} for counts that are not negative, or {@link Long#MAX_VALUE} when that overflows. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * Gives the first sub-SELECT sorted by {@code order} in the chain of leading sub-SELECTs of
     * {@code q} (the first element of its pattern, of that one's, and so on, none limited) the
     * LIMIT {@code end}; returns whether there was one.
     */
    private static boolean cutLeadingSubSelect(Query q, List<SortCondition> order, long end) {
        if (!(q.getQueryPattern() instanceof ElementGroup group) || group.isEmpty()
                || !(group.get(0) instanceof ElementSubQuery lead)) {
            return false;
        }
        Query sub = lead.getQuery().cloneQuery();
        if (sub.hasLimit() || sub.hasOffset()) {
            return false;
        }
        if (sub.hasOrderBy() && sub.getOrderBy().equals(order)) {
            sub.setLimit(end);
        } else if (sub.hasOrderBy() || !cutLeadingSubSelect(sub, order, end)) {
            return false;
        }
        ElementGroup replaced = new ElementGroup();
        replaced.addElement(new ElementSubQuery(sub));
        group.getElements().stream().skip(1).forEach(replaced::addElement);
        q.setQueryPattern(replaced);
        return true;
    }

    /** The name of the canned query. */
    public String name() {
        return source.name();
    }
}
