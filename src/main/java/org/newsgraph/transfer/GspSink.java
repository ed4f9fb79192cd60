package org.newsgraph.transfer;

import java.net.http.HttpClient;
import java.util.List;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.http.GSP;

/**
 * SPARQL 1.1 Graph Store Protocol: {@code PUT} replaces one graph, which makes a push idempotent;
 * {@code GET} reads it back to count it. The body is flat Turtle, which every store accepts.
 */
final class GspSink implements GraphSink {

    private final String endpoint;
    private final String queryEndpoint;
    private final HttpClient http;

    /** {@code queryEndpoint} may be null: then graphs are counted by reading them back. */
    GspSink(String endpoint, String queryEndpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.queryEndpoint = queryEndpoint;
        this.http = http;
    }

    @Override
    public void replace(List<OutgoingGraph> graphs) {
        for (OutgoingGraph g : graphs) {
            GSP.service(endpoint).httpClient(http).contentType(RDFFormat.TURTLE_FLAT).graphName(g.name()).PUT(g.triples());
        }
    }

    @Override
    public boolean batches() {
        return false;
    }

    @Override
    public long count(Node name) {
        if (queryEndpoint != null) {
            return SparqlCount.count(queryEndpoint, http, name);
        }
        try {
            return GSP.service(endpoint).httpClient(http).graphName(name).GET().size();
        } catch (HttpException e) {
            if (e.getStatusCode() == 404) {
                return 0;
            }
            throw e;
        }
    }
}
