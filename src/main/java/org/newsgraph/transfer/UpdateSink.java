package org.newsgraph.transfer;

import java.net.http.HttpClient;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL 1.1 Update, for stores without the Graph Store Protocol: each request drops and
 * re-inserts whole graphs ({@code DROP SILENT GRAPH}, then {@code INSERT DATA}), several graphs up
 * to a number of triples per request, so a graph is replaced as a whole or not at all. Counts come
 * from a SPARQL query endpoint.
 */
final class UpdateSink implements GraphSink {

    private final String endpoint;
    private final String queryEndpoint;
    private final HttpClient http;

    UpdateSink(String endpoint, String queryEndpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.queryEndpoint = queryEndpoint;
        this.http = http;
    }

    @Override
    public void replace(List<OutgoingGraph> graphs) {
        UpdateRequest request = new UpdateRequest();
        for (OutgoingGraph g : graphs) {
            request.add(new UpdateDrop(g.name(), true));
            request.add(insert(g));
        }
        UpdateExecHTTP.service(endpoint).httpClient(http).updateString(asciiOnly(request.toString())).build().execute();
    }

    /**
     * The update with every character outside ASCII written as a SPARQL codepoint escape
     * (backslash, "u" and four hex digits, or "U" and eight), which stores decode before
     * parsing. Some read a body
     * sent without a charset parameter as ISO-8859-1 (RDF4J Server does), which would garble
     * Arabic script or emoji; ASCII reads the same in every charset.
     */
    static String asciiOnly(String update) {
        StringBuilder out = new StringBuilder(update.length() + 16);
        update.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) cp);
            } else if (cp <= 0xFFFF) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.append(String.format("\\U%08X", cp));
            }
        });
        return out.toString();
    }

    /**
     * {@code INSERT DATA}, or for a graph with blank nodes (the ontology's and the shapes' lists)
     * {@code INSERT { ... } WHERE {}}, which means the same: Virtuoso refuses blank nodes in
     * {@code INSERT DATA}.
     */
    private static Update insert(OutgoingGraph g) {
        List<Quad> quads = g.triples().find().mapWith(t -> Quad.create(g.name(), t)).toList();
        if (quads.stream().noneMatch(q -> q.getSubject().isBlank() || q.getObject().isBlank())) {
            QuadDataAcc data = new QuadDataAcc();
            quads.forEach(data::addQuad);
            return new UpdateDataInsert(data);
        }
        UpdateModify template = new UpdateModify();
        quads.forEach(template.getInsertAcc()::addQuad);
        template.setHasInsertClause(true);
        template.setElement(new ElementGroup());
        return template;
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public long count(Node name) {
        return SparqlCount.count(queryEndpoint, http, name);
    }
}
