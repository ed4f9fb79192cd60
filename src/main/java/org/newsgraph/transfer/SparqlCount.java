package org.newsgraph.transfer;

import java.net.http.HttpClient;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.newsgraph.error.NewsgraphException;

/** Counts the triples of one graph through a SPARQL query endpoint. */
final class SparqlCount {

    private SparqlCount() {
    }

    static long count(String queryEndpoint, HttpClient http, Node graph) {
        // Graph names come from the store's IRI minter; strNT writes them as a valid IRI term.
        String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + NodeFmtLib.strNT(graph) + " { ?s ?p ?o } }";
        try (QueryExec exec = QueryExecHTTP.service(queryEndpoint).httpClient(http).query(query).build()) {
            RowSet rows = exec.select();
            if (!rows.hasNext()) {
                throw new NewsgraphException(queryEndpoint + " answered a COUNT query with no row");
            }
            Binding row = rows.next();
            Node n = row.get("n");
            return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
        }
    }
}
