package org.newsgraph.rdf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;
import no.hasmac.jsonld.JsonLd;
import no.hasmac.jsonld.JsonLdError;
import no.hasmac.jsonld.document.JsonDocument;

/**
 * JSON-LD that reads as plain JSON: compacted against newsgraph's published context
 * ({@code ontology/context.jsonld}, embedded in the output so that no reader has to fetch it),
 * one {@code {"@id": graph, "@graph": [...]}} object per named graph, and the nodes of the
 * default graph at the top level.
 *
 * <p>Streaming, unlike Rio's JSON-LD writer, which holds the whole dataset: quads arrive graph
 * by graph (as the converter and the store send them), and each graph is compacted and written
 * when the next one starts, so memory holds one article's graph. A graph that comes back later
 * gets a second object with the same {@code @id}; JSON-LD readers merge the two.
 *
 * <pre>{@code
 * StreamRDF out = JsonLdStreamWriter.create(outputStream);
 * out.start(); store.stream(out); out.finish();
 * }</pre>
 */
public final class JsonLdStreamWriter implements StreamRDF {

    /** The context in the jar: the file {@code ontology/context.jsonld}. */
    public static final String CONTEXT_RESOURCE = "/ontology/context.jsonld";

    private static final JsonDocument CONTEXT = loadContext();

    private final JsonGenerator json;
    private final List<Quad> pending = new ArrayList<>();
    private Node pendingGraph;

    private JsonLdStreamWriter(OutputStream out) {
        JsonGeneratorFactory factory = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        this.json = factory.createGenerator(out);
    }

    public static JsonLdStreamWriter create(OutputStream out) {
        return new JsonLdStreamWriter(out);
    }

    /** The {@code @context} object newsgraph's JSON-LD uses. */
    public static JsonObject context() {
        return CONTEXT.getJsonContent().orElseThrow().asJsonObject().getJsonObject("@context");
    }

    @Override
    public void start() {
        json.writeStartObject();
        json.write("@context", context());
        json.writeStartArray("@graph");
    }

    @Override
    public void triple(Triple triple) {
        quad(Quad.create(Quad.defaultGraphIRI, triple));
    }

    @Override
    public void quad(Quad quad) {
        Node graph = quad.isDefaultGraph() ? Quad.defaultGraphIRI : quad.getGraph();
        if (!graph.equals(pendingGraph)) {
            flush();
            pendingGraph = graph;
        }
        pending.add(Quad.create(graph, quad.asTriple()));
    }

    @Override
    public void base(String base) {
        // Every IRI is written absolute; the context's prefixes make them short where it helps.
    }

    @Override
    public void prefix(String prefix, String iri) {
        // The published context fixes the prefixes, so that every file reads the same.
    }

    @Override
    public void finish() {
        flush();
        json.writeEnd();
        json.writeEnd();
        json.flush();
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        JsonArray nodes = compact(pending);
        if (Quad.isDefaultGraph(pendingGraph)) {
            nodes.forEach(json::write);
        } else {
            json.writeStartObject();
            json.write("@id", pendingGraph.getURI());
            json.write("@graph", nodes);
            json.writeEnd();
        }
        pending.clear();
    }

    /** The node objects of one graph's triples, compacted against the context. */
    private static JsonArray compact(List<Quad> quads) {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream();
        RDFWriter rio = Rio.createWriter(RDFFormat.JSONLD, expanded);
        rio.getWriterConfig().set(JSONLDSettings.JSONLD_MODE, JSONLDMode.EXPAND);
        RioStreamWriter triples = RioStreamWriter.wrap(rio, false);
        triples.start();
        quads.forEach(q -> triples.triple(q.asTriple()));
        triples.finish();
        try {
            JsonObject compacted = JsonLd.compact(JsonDocument.of(new ByteArrayInputStream(expanded.toByteArray())), CONTEXT).get();
            if (compacted.containsKey("@graph")) {
                return compacted.getJsonArray("@graph");
            }
            var node = Json.createObjectBuilder(compacted);
            node.remove("@context");
            return Json.createArrayBuilder().add(node).build();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed for graph of " + quads.size() + " triples", e);
        }
    }

    private static JsonDocument loadContext() {
        try (InputStream in = JsonLdStreamWriter.class.getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONTEXT_RESOURCE + " is missing from the class path: the build copies "
                        + "ontology/ into the jar; rebuild it");
            }
            JsonDocument doc = JsonDocument.of(in);
            JsonValue content = doc.getJsonContent().orElseThrow();
            if (content.getValueType() != JsonValue.ValueType.OBJECT || !content.asJsonObject().containsKey("@context")) {
                throw new IllegalStateException(CONTEXT_RESOURCE + " holds no @context object");
            }
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CONTEXT_RESOURCE, e);
        } catch (JsonLdError e) {
            throw new IllegalStateException(CONTEXT_RESOURCE + " is not valid JSON-LD: " + e.getMessage(), e);
        }
    }
}
