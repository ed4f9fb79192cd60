package org.newsgraph.query;

import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;

/**
 * A canned query with its parameters bound, ready to run on any {@link QueryTarget}.
 *
 * @param source the canned query
 * @param values the parameters that got a value, by name, as the RDF terms put into the query;
 *               parameters left empty are absent (their variables stay unbound)
 * @param query  the query with the values in place (this accessor gives a copy)
 */
public record BoundQuery(CannedQuery source, Map<String, Node> values, Query query) {

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

    /** The name of the canned query. */
    public String name() {
        return source.name();
    }
}
