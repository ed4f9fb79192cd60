package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.ShapeCheck;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/** The bundled sample article, converted end to end and queried as RDF. */
class SampleArticleIT {

    private static final String ID = "mqm-bahadurabad-2025-02-09";
    private static final String PREFIXES = """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    private static DatasetGraph dataset;

    @BeforeAll
    static void convertSample() {
        List<ReadResult> read = ArticleReader.create().read(List.of(Path.of("data/articles/" + ID + ".txt"))).toList();
        ReadResult.Success sample = (ReadResult.Success) read.get(0);
        dataset = DatasetGraphFactory.createTxnMem();
        ArticleConverter.builder().build().convert(sample.article()).forEach(dataset::add);
    }

    private static boolean ask(String where) {
        String query = PREFIXES + "ASK { GRAPH <" + IriMinter.standard().article(ID).getURI() + "> { " + where + " } }";
        try (var qe = QueryExecutionFactory.create(query, DatasetFactory.wrap(dataset))) {
            return qe.execAsk();
        }
    }

    @Test
    void chairmanOfMqmPakistan() {
        assertTrue(ask("""
                ?p a ng:Person ; rdfs:label "Khalid Maqbool Siddiqui" ; ng:holdsRole ?r .
                ?r ng:title "chairman" ; ng:inOrganization ?org ; ng:reportedOn "2025-02-09"^^xsd:date .
                ?org a ng:PoliticalParty ; skos:altLabel "MQM-P" .
                """));
    }

    @Test
    void governorOfSindh() {
        assertTrue(ask("""
                ?p rdfs:label "Kamran Tessori" ; ng:holdsRole ?r .
                ?r ng:title "governor" ; ng:jurisdiction [ rdfs:label "Sindh" ] .
                """));
    }

    @Test
    void directQuoteAttributedToTheChairman() {
        assertTrue(ask("""
                ?s a ng:Statement ; ng:direct true ; ng:attributedTo [ rdfs:label "Khalid Maqbool Siddiqui" ] ;
                   ng:text ?text .
                FILTER(STRSTARTS(?text, "PM Shehbaz has not mentioned anything"))
                """));
    }

    @Test
    void reportedSpeechAfterAPronounIsAttributedToTheChairman() {
        assertTrue(ask("""
                ?s a ng:Statement ; ng:direct false ; ng:cue "emphasize" ;
                   ng:attributedTo [ rdfs:label "Khalid Maqbool Siddiqui" ] ; ng:text ?text .
                FILTER(STRSTARTS(?text, "MQM-P remains a key ally"))
                """));
    }

    @Test
    void spokespersonSpeaksForTheParty() {
        assertTrue(ask("""
                ?s a ng:Statement ; ng:cue "claim" ; ng:attributedTo ?org ; ng:text ?text .
                ?org a ng:PoliticalParty .
                FILTER(STRSTARTS(?text, "only a small group of workers"))
                """));
    }

    @Test
    void protestOnTheSaturdayBeforeTheArticleDate() {
        assertTrue(ask("""
                ?e a ng:Event ; ng:trigger "protest" ; ng:occurredOn "2025-02-08"^^xsd:date ;
                   ng:sourceArticle ?a ; ng:beginOffset ?b .
                """));
    }

    @Test
    void refutingClaimsIsAStatementNotAnEvent() {
        assertFalse(ask("?e a ng:Event ; ng:trigger \"refuted\" ."));
        assertTrue(ask("?s a ng:Statement ; ng:cue \"refute\" ; ng:attributedTo ?org . ?org a ng:PoliticalParty ."));
    }

    @Test
    void negatedDecisionIsNotAnEvent() {
        assertTrue(!ask("?e a ng:Event ; ng:trigger \"discussed\" ."));
    }

    @Test
    void oneEntityPerPartyWhateverItsName() {
        String query = PREFIXES + "SELECT (COUNT(DISTINCT ?o) AS ?n) { GRAPH ?g { ?o a ng:PoliticalParty } }";
        try (var qe = QueryExecutionFactory.create(query, DatasetFactory.wrap(dataset))) {
            assertEquals(1, qe.execSelect().next().getLiteral("n").getInt());
        }
    }

    @Test
    void graphConformsToTheShapes() {
        ValidationReport report = ShapeCheck.validate(dataset.getGraph(IriMinter.standard().article(ID)));
        assertTrue(report.conforms(), () -> report.getEntries().toString());
    }
}
