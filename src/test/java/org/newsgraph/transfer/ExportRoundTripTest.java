package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.rdf.OntologyGraphs;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.store.GraphStore;

/** Every export format, read back by Jena and by RDF4J, gives the store's graphs unchanged. */
class ExportRoundTripTest {

    private static GraphStore store;
    private static DatasetGraph original;

    @BeforeAll
    static void fill() {
        store = TransferFixtures.store();
        original = TransferFixtures.articleGraphs(store, Set.of());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static byte[] export(Exporter exporter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(store, out);
        return out.toByteArray();
    }

    private static void assertSameData(DatasetGraph expected, DatasetGraph back, OutputFormat format, String reader) {
        if (format.keepsGraphs()) {
            assertTrue(IsoMatcher.isomorphic(expected, back), format + " read by " + reader + " changed the dataset");
        } else {
            Graph union = expected.getUnionGraph();
            assertEquals(0, back.size(), format + " has no named graphs");
            assertTrue(IsoMatcher.isomorphic(union, back.getDefaultGraph()), format + " read by " + reader + " changed the union graph");
        }
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = "BINARY", mode = EnumSource.Mode.EXCLUDE)
    void everyFormatReadBackByJenaIsTheStoredDataset(OutputFormat format) {
        byte[] bytes = export(Exporter.builder().format(format).build());
        assertSameData(original, Parsers.withJena(bytes, format), format, "Jena");
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyFormatReadBackByRdf4jIsTheStoredDataset(OutputFormat format) {
        byte[] bytes = export(Exporter.builder().format(format).build());
        assertSameData(original, Parsers.withRdf4j(bytes, format), format, "RDF4J");
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"NQUADS", "TRIG", "JSONLD", "BINARY"})
    void theOntologyAndShapesTravelInGraphsOfTheirOwn(OutputFormat format) {
        byte[] bytes = export(Exporter.builder().format(format).withOntology(true).build());
        DatasetGraph back = Parsers.withRdf4j(bytes, format);
        assertTrue(back.getGraph(OntologyGraphs.ONTOLOGY).isIsomorphicWith(OntologyGraphs.ontology()), "ontology graph");
        assertTrue(back.getGraph(OntologyGraphs.SHAPES).isIsomorphicWith(OntologyGraphs.shapes()), "shapes graph");
        back.removeGraph(OntologyGraphs.ONTOLOGY);
        back.removeGraph(OntologyGraphs.SHAPES);
        assertTrue(IsoMatcher.isomorphic(original, back), "the article graphs are the same as without the ontology");
    }

    @Test
    void chosenArticlesAloneAreExported() {
        Set<String> chosen = Set.of(TransferFixtures.SAMPLE_ARTICLE, TransferFixtures.AWKWARD_ARTICLE);
        byte[] bytes = export(Exporter.builder().format(OutputFormat.TRIG).articles(chosen).build());
        DatasetGraph back = Parsers.withJena(bytes, OutputFormat.TRIG);
        assertEquals(2, back.size());
        assertTrue(IsoMatcher.isomorphic(TransferFixtures.articleGraphs(store, chosen), back));
    }

    @Test
    void anArticleNotInTheStoreFailsBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter exporter = Exporter.builder().articles(List.of(TransferFixtures.SAMPLE_ARTICLE, "no-such-article")).build();
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> exporter.export(store, out));
        assertTrue(e.getMessage().contains("no-such-article"), e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void jsonLdReadsAsPlainJsonThroughThePublishedContext() {
        byte[] bytes = export(Exporter.builder().format(OutputFormat.JSONLD).build());
        JsonObject doc = Json.createReader(new ByteArrayInputStream(bytes)).readObject();
        assertEquals("https://w3id.org/newsgraph/ontology#", doc.getJsonObject("@context").getString("ng"));
        List<JsonObject> graphs = doc.getJsonArray("@graph").getValuesAs(JsonObject.class);
        assertEquals(original.size(), graphs.size(), "one object per article graph");
        JsonObject sample = graphs.stream()
                .filter(g -> g.getString("@id").endsWith("/article/" + TransferFixtures.SAMPLE_ARTICLE)).findFirst().orElseThrow();
        JsonObject chairman = sample.getJsonArray("@graph").getValuesAs(JsonObject.class).stream()
                .filter(n -> "Khalid Maqbool Siddiqui".equals(stringOrNull(n, "label"))).findFirst().orElseThrow();
        assertEquals("Person", chairman.getString("@type"));
        assertEquals(JsonValue.ValueType.ARRAY, chairman.get("holdsRole").getValueType(), "roles are a plain list of ids");
        // An event date may be a day, a month or a year: always {"@value", "@type"}, under one key.
        List<JsonObject> dates = graphs.stream().flatMap(g -> g.getJsonArray("@graph").getValuesAs(JsonObject.class).stream())
                .filter(n -> n.containsKey("occurredOn")).map(n -> n.getJsonObject("occurredOn")).toList();
        assertTrue(dates.stream().anyMatch(d -> d.getString("@value").equals("2025-02-08") && d.getString("@type").equals("xsd:date")), dates.toString());
        assertTrue(dates.stream().anyMatch(d -> d.getString("@type").equals("xsd:gYear")), dates.toString());
    }

    private static String stringOrNull(JsonObject node, String key) {
        return node.get(key) instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    @Test
    void theCountOfTriplesWrittenIsReported() {
        ExportSummary quads = Exporter.builder().build().export(store, new ByteArrayOutputStream());
        assertEquals(original.stream().count(), quads.triples());
        assertEquals(original.size(), quads.graphs());
        assertFalse(quads.union());
        BiFunction<OutputFormat, Boolean, ExportSummary> run = (f, o) ->
                Exporter.builder().format(f).withOntology(o).build().export(store, new ByteArrayOutputStream());
        assertTrue(run.apply(OutputFormat.TURTLE, false).union());
        assertEquals(original.size() + 2, run.apply(OutputFormat.NQUADS, true).graphs());
    }
}
