package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.extract.ArticleFacts;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.EntityKind;
import org.newsgraph.extract.EventFact;
import org.newsgraph.extract.Evidence;
import org.newsgraph.extract.RoleFact;
import org.newsgraph.extract.StatementFact;
import org.newsgraph.extract.TimeValue;
import org.newsgraph.read.Article;

/** Maps hand-made facts and checks the graph triple by triple and against the shipped shapes. */
class FactMapperTest {

    static final String TEXT = "Green Party leader Jane Doe said the vote was rigged. Workers marched on Saturday.";

    static ArticleFacts sampleFacts() {
        Article article = Article.of("sample-1", LocalDate.of(2025, 3, 2), TEXT);
        Entity jane = new Entity(EntityKind.PERSON, "Jane Doe", Set.of("J. Doe"), false, Optional.empty());
        Entity party = new Entity(EntityKind.ORGANIZATION, "Green Party", Set.of("Greens"), true, Optional.of("Q1"));
        Entity city = new Entity(EntityKind.PLACE, "Springfield", Set.of(), false, Optional.empty());
        Evidence first = new Evidence(0, 52, "Green Party leader Jane Doe said the vote was rigged.");
        Evidence second = new Evidence(53, 82, "Workers marched on Saturday.");
        return new ArticleFacts(article, List.of(jane, party, city),
                List.of(new RoleFact(jane, "leader", false, Optional.of(party), Optional.empty(), first, 0.9)),
                List.of(new StatementFact(jane, "the vote was rigged", false, "say", first, 0.8)),
                List.of(new EventFact("marched", Optional.of(new TimeValue("2025-03-01", TimeValue.Granularity.DAY)),
                        List.of(party), Optional.of(city), second, 0.7)));
    }

    private final IriMinter iris = IriMinter.standard();
    private Graph graph;
    private Node articleNode;

    @BeforeEach
    void map() {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        FactMapper.create(iris).map(sampleFacts(), StreamRDFLib.dataset(ds));
        articleNode = iris.article("sample-1");
        assertEquals(1, ds.listGraphNodes().next() == null ? 0 : (int) iterSize(ds.listGraphNodes()));
        graph = ds.getGraph(articleNode);
    }

    private static long iterSize(java.util.Iterator<?> it) {
        long n = 0;
        for (; it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    @Test
    void allQuadsGoToTheArticlesOwnGraph() {
        assertTrue(graph.contains(articleNode, RDF.type.asNode(), NG.Article.asNode()));
        assertTrue(graph.contains(articleNode, NG.publishedOn.asNode(), NodeFactory.createLiteralDT("2025-03-02", XSDDatatype.XSDdate)));
    }

    @Test
    void partyIsTypedOrganizationAndPartyWithLabelsAndWikidata() {
        Node party = uri("https://w3id.org/newsgraph/org/green-party");
        assertTrue(graph.contains(party, RDF.type.asNode(), NG.Organization.asNode()));
        assertTrue(graph.contains(party, RDF.type.asNode(), NG.PoliticalParty.asNode()));
        assertTrue(graph.contains(party, RDFS.label.asNode(), NodeFactory.createLiteralString("Green Party")));
        assertTrue(graph.contains(party, OWL.sameAs.asNode(), uri("http://www.wikidata.org/entity/Q1")));
    }

    @Test
    void roleLinksPersonTitleAndOrganizationWithReportDate() {
        Node jane = uri("https://w3id.org/newsgraph/person/jane-doe");
        Node role = graph.find(jane, NG.holdsRole.asNode(), Node.ANY).next().getObject();
        assertTrue(graph.contains(role, NG.title.asNode(), NodeFactory.createLiteralString("leader")));
        assertTrue(graph.contains(role, NG.inOrganization.asNode(), uri("https://w3id.org/newsgraph/org/green-party")));
        assertTrue(graph.contains(role, NG.reportedOn.asNode(), NodeFactory.createLiteralDT("2025-03-02", XSDDatatype.XSDdate)));
        assertTrue(graph.contains(role, NG.sourceArticle.asNode(), articleNode));
    }

    @Test
    void eventDateHasTheDatatypeOfItsGranularity() {
        Node event = graph.find(Node.ANY, RDF.type.asNode(), NG.Event.asNode()).next().getSubject();
        assertTrue(graph.contains(event, NG.occurredOn.asNode(), NodeFactory.createLiteralDT("2025-03-01", XSDDatatype.XSDdate)));
        assertTrue(graph.contains(event, NG.atPlace.asNode(), uri("https://w3id.org/newsgraph/place/springfield")));
    }

    @Test
    void mappedGraphConformsToTheShippedShapes() {
        ValidationReport report = ShapeCheck.validate(graph);
        assertTrue(report.conforms(), () -> report.getEntries().toString());
    }

    @Test
    void statementWithoutSpeakerWouldBeCaughtByTheShapes() {
        Node st = graph.find(Node.ANY, RDF.type.asNode(), NG.Statement.asNode()).next().getSubject();
        graph.remove(st, NG.attributedTo.asNode(), Node.ANY);
        assertFalse(ShapeCheck.validate(graph).conforms());
    }
}
