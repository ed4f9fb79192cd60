package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Validates a hand-written article graph against {@code ontology/shapes.ttl}: the graph as
 * written conforms, and each single defect put into it is reported on the node and path at fault.
 */
class ShapesTest {

    private static final String SHAPES = "ontology/shapes.ttl";
    private static final String DATA = "src/test/resources/shapes/conforming-article.trig";
    private static final String GRAPH = "https://example.org/newsgraph/graph/dawn-2025-02-09-mqm";
    private static final String ENTITY = "https://example.org/newsgraph/entity/";
    private static final String FACT = "https://example.org/newsgraph/fact/dawn-2025-02-09-mqm/";

    private static Shapes shapes;

    /** A fresh copy of the article graph for each test to damage. */
    private Model graph;
    private Resource article;
    private Resource person;
    private Resource party;
    private Resource place;
    private Resource role;
    private Resource statement;
    private Resource event;

    @BeforeAll
    static void loadShapes() {
        shapes = Shapes.parse(RDFDataMgr.loadGraph(SHAPES));
    }

    @BeforeEach
    void loadArticleGraph() {
        Dataset dataset = RDFDataMgr.loadDataset(DATA);
        graph = ModelFactory.createDefaultModel().add(dataset.getNamedModel(GRAPH));
        article = graph.createResource("https://example.org/newsgraph/article/dawn-2025-02-09-mqm");
        person = graph.createResource(ENTITY + "khalid-maqbool-siddiqui");
        party = graph.createResource(ENTITY + "mqm-p");
        place = graph.createResource(ENTITY + "karachi");
        role = graph.createResource(FACT + "role-1");
        statement = graph.createResource(FACT + "statement-1");
        event = graph.createResource(FACT + "event-1");
    }

    private ValidationReport validate() {
        return ShaclValidator.get().validate(shapes, graph.getGraph());
    }

    private static String describe(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.joining("\n"));
    }

    private void replace(Resource subject, Property property, Literal value) {
        graph.removeAll(subject, property, null);
        graph.add(subject, property, value);
    }

    private static Path path(Property property) {
        return PathFactory.pathLink(property.asNode());
    }

    /** The graph does not conform, and every violation is on this focus node and path. */
    private void assertOnlyViolation(Resource focus, Path path) {
        ValidationReport report = validate();
        assertFalse(report.conforms(), "expected a violation on " + focus + " " + path);
        Node focusNode = focus.asNode();
        for (ReportEntry entry : report.getEntries()) {
            assertEquals(focusNode, entry.focusNode(), describe(report));
            assertEquals(path, entry.resultPath(), describe(report));
        }
    }

    /** The graph does not conform, and one of the violations is on this focus node and path. */
    private void assertViolation(Resource focus, Path path) {
        ValidationReport report = validate();
        assertFalse(report.conforms(), "expected a violation on " + focus + " " + path);
        assertTrue(report.getEntries().stream().anyMatch(entry ->
                        entry.focusNode().equals(focus.asNode()) && path.equals(entry.resultPath())),
                "no violation on " + focus + " " + path + " in\n" + describe(report));
    }

    // ---- the conforming graph and harmless variations ----

    @Test
    void handWrittenArticleGraphConforms() {
        ValidationReport report = validate();
        assertTrue(report.conforms(), describe(report));
    }

    @Test
    void fixtureHoldsEveryKindOfNodeTheShapesTarget() {
        for (Resource type : new Resource[] {NG.Article, NG.Person, NG.Organization,
                NG.PoliticalParty, NG.Place, NG.Role, NG.Statement, NG.Event}) {
            assertTrue(graph.contains(null, RDF.type, type), "fixture has no " + type);
        }
    }

    @Test
    void eventDatedOnlyByYearOrYearMonthConforms() {
        replace(event, NG.occurredOn, graph.createTypedLiteral("2024", XSDDatatype.XSDgYear));
        assertTrue(validate().conforms(), describe(validate()));
        replace(event, NG.occurredOn, graph.createTypedLiteral("2025-01", XSDDatatype.XSDgYearMonth));
        assertTrue(validate().conforms(), describe(validate()));
    }

    @Test
    void eventWithoutDateConforms() {
        graph.removeAll(event, NG.occurredOn, null);
        assertTrue(validate().conforms(), describe(validate()));
    }

    @Test
    void statementAttributedToAnOrganizationConforms() {
        graph.removeAll(statement, NG.attributedTo, null);
        graph.add(statement, NG.attributedTo, party);
        assertTrue(validate().conforms(), describe(validate()));
    }

    @Test
    void roleWithJurisdictionInsteadOfOrganizationConforms() {
        graph.removeAll(role, NG.inOrganization, null);
        graph.add(role, NG.jurisdiction, place);
        assertTrue(validate().conforms(), describe(validate()));
    }

    @Test
    void confidenceWrittenFromBigDecimalConforms() {
        replace(role, NG.confidence, graph.createTypedLiteral(new BigDecimal("0.75")));
        assertTrue(validate().conforms(), describe(validate()));
    }

    // ---- the six defects the brief names ----

    @Test
    void statementWithoutAttributedToIsReportedOnTheStatement() {
        graph.removeAll(statement, NG.attributedTo, null);
        assertOnlyViolation(statement, path(NG.attributedTo));
    }

    @Test
    void eventDateWrittenAsPlainStringIsReportedOnOccurredOn() {
        replace(event, NG.occurredOn, graph.createLiteral("2025-02-08"));
        assertOnlyViolation(event, path(NG.occurredOn));
    }

    @Test
    void roleThatNoPersonHoldsIsReportedOnTheInverseOfHoldsRole() {
        graph.removeAll(null, NG.holdsRole, role);
        assertOnlyViolation(role, PathFactory.pathInverse(path(NG.holdsRole)));
    }

    @Test
    void personWithTwoLabelsIsReportedOnRdfsLabel() {
        graph.add(person, RDFS.label, "Dr Khalid Maqbool Siddiqui");
        assertOnlyViolation(person, path(RDFS.label));
    }

    @Test
    void confidenceAboveOneIsReportedOnConfidence() {
        replace(statement, NG.confidence, graph.createTypedLiteral(new BigDecimal("1.5")));
        assertOnlyViolation(statement, path(NG.confidence));
    }

    @Test
    void factWithoutSourceArticleIsReportedOnSourceArticle() {
        graph.removeAll(event, NG.sourceArticle, null);
        assertOnlyViolation(event, path(NG.sourceArticle));
    }

    // ---- further defects a converter is likely to make ----

    @Test
    void roleHeldByAnOrganizationIsReportedOnTheInverseOfHoldsRole() {
        graph.removeAll(null, NG.holdsRole, role);
        graph.add(party, NG.holdsRole, role);
        assertOnlyViolation(role, PathFactory.pathInverse(path(NG.holdsRole)));
    }

    @Test
    void roleHeldByTwoPersonsIsReportedOnTheInverseOfHoldsRole() {
        Resource other = graph.createResource(ENTITY + "farooq-sattar")
                .addProperty(RDF.type, NG.Person).addProperty(RDFS.label, "Farooq Sattar");
        other.addProperty(NG.holdsRole, role);
        assertOnlyViolation(role, PathFactory.pathInverse(path(NG.holdsRole)));
    }

    @Test
    void statementAttributedToAPlaceIsReportedOnAttributedTo() {
        graph.removeAll(statement, NG.attributedTo, null);
        graph.add(statement, NG.attributedTo, place);
        assertOnlyViolation(statement, path(NG.attributedTo));
    }

    @Test
    void roleWithoutTitleIsReportedOnTitle() {
        graph.removeAll(role, NG.title, null);
        assertOnlyViolation(role, path(NG.title));
    }

    @Test
    void offsetWrittenAsJavaIntIsReportedBecauseItIsXsdIntNotXsdInteger() {
        replace(role, NG.beginOffset, graph.createTypedLiteral(6));
        assertOnlyViolation(role, path(NG.beginOffset));
    }

    @Test
    void confidenceWrittenAsJavaDoubleIsReportedBecauseItIsNotXsdDecimal() {
        replace(event, NG.confidence, graph.createTypedLiteral(0.8));
        assertOnlyViolation(event, path(NG.confidence));
    }

    @Test
    void beginOffsetNotBeforeEndOffsetIsReportedOnBeginOffset() {
        replace(statement, NG.beginOffset, graph.createTypedLiteral("73", XSDDatatype.XSDinteger));
        assertOnlyViolation(statement, path(NG.beginOffset));
    }

    @Test
    void negativeOffsetIsReportedOnBeginOffset() {
        replace(statement, NG.beginOffset, graph.createTypedLiteral("-1", XSDDatatype.XSDinteger));
        assertOnlyViolation(statement, path(NG.beginOffset));
    }

    @Test
    void labelWithLanguageTagIsReportedBecauseLabelsArePlainStrings() {
        replace(place, RDFS.label, graph.createLiteral("Karachi", "en"));
        assertOnlyViolation(place, path(RDFS.label));
    }

    @Test
    void emptyLabelIsReportedOnRdfsLabel() {
        replace(party, RDFS.label, graph.createLiteral(""));
        assertOnlyViolation(party, path(RDFS.label));
    }

    @Test
    void partyNotAlsoTypedOrganizationIsReportedOnItsType() {
        graph.remove(party, RDF.type, NG.Organization);
        assertViolation(party, path(RDF.type));
        assertViolation(role, path(NG.inOrganization));
    }

    @Test
    void articleWithoutContentHashIsReportedOnContentHash() {
        graph.removeAll(article, NG.contentHash, null);
        assertOnlyViolation(article, path(NG.contentHash));
    }

    @Test
    void contentHashThatIsNotLowerCaseHexSha256IsReportedOnContentHash() {
        replace(article, NG.contentHash, graph.createLiteral("9F86D081"));
        assertOnlyViolation(article, path(NG.contentHash));
    }

    @Test
    void articleWithTwoIdsIsReportedOnArticleId() {
        graph.add(article, NG.articleId, "another-id");
        assertOnlyViolation(article, path(NG.articleId));
    }

    @Test
    void articleUrlWrittenAsLiteralIsReportedOnSchemaUrl() {
        replace(article, SchemaDO.url, graph.createLiteral("https://www.dawn.com/news/0000000"));
        assertOnlyViolation(article, path(SchemaDO.url));
    }

    @Test
    void articleMentioningALiteralIsReportedOnMentions() {
        graph.add(article, NG.mentions, "Karachi");
        assertOnlyViolation(article, path(NG.mentions));
    }

    @Test
    void eventDateThatIsAnIllFormedDateIsReportedOnOccurredOn() {
        replace(event, NG.occurredOn, graph.createTypedLiteral("2025-02-30", XSDDatatype.XSDdate));
        assertOnlyViolation(event, path(NG.occurredOn));
    }

    @Test
    void eventWithTwoPlacesIsReportedOnAtPlace() {
        Resource sindh = graph.createResource(ENTITY + "sindh")
                .addProperty(RDF.type, NG.Place).addProperty(RDFS.label, "Sindh");
        graph.add(event, NG.atPlace, sindh);
        assertOnlyViolation(event, path(NG.atPlace));
    }

    @Test
    void statementWithoutDirectFlagIsReportedOnDirect() {
        graph.removeAll(statement, NG.direct, null);
        assertOnlyViolation(statement, path(NG.direct));
    }
}
