package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that {@link NG} and {@code ontology/newsgraph.ttl} declare the same terms. */
class VocabularyTest {

    private static final String ONTOLOGY = "ontology/newsgraph.ttl";
    private static final String SHAPES = "ontology/shapes.ttl";

    private static Model ontology;

    @BeforeAll
    static void loadOntology() {
        ontology = RDFDataMgr.loadModel(ONTOLOGY);
    }

    /** The ng: constants of {@link NG}, by reflection over its public static fields. */
    private static List<Resource> constants(Class<?> type) throws IllegalAccessException {
        List<Resource> terms = new ArrayList<>();
        for (Field field : NG.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && type.isAssignableFrom(field.getType())) {
                Resource term = (Resource) field.get(null);
                if (term.getURI().startsWith(NG.NS)) {
                    terms.add(term);
                }
            }
        }
        return terms;
    }

    private static boolean isProperty(Resource term) {
        return term instanceof org.apache.jena.rdf.model.Property;
    }

    @Test
    void ontologyParsesAndHasAnOntologyHeaderWithLicence() {
        Resource header = ontology.createResource("https://w3id.org/newsgraph/ontology");
        assertTrue(ontology.contains(header, RDF.type, OWL.Ontology));
        assertTrue(ontology.contains(header, org.apache.jena.vocabulary.DCTerms.license,
                ontology.createResource("https://spdx.org/licenses/GPL-3.0-or-later")));
        assertTrue(ontology.contains(header, OWL.versionInfo));
    }

    @Test
    void shapesFileParsesAsShaclWithAShapeForEveryClass() {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(SHAPES));
        assertFalse(shapes.getTargetShapes().isEmpty());
        Set<String> targeted = new TreeSet<>();
        shapes.getTargetShapes().forEach(shape -> shape.getTargets()
                .forEach(target -> targeted.add(target.getObject().getURI())));
        for (Resource cls : ontology.listSubjectsWithProperty(RDF.type, OWL.Class).toList()) {
            if (cls.isURIResource() && cls.getURI().startsWith(NG.NS)) {
                assertTrue(targeted.contains(cls.getURI()), "no shape targets " + cls);
            }
        }
    }

    @Test
    void namespaceConstantMatchesGetUri() {
        assertEquals("https://w3id.org/newsgraph/ontology#", NG.NS);
        assertEquals(NG.NS, NG.getURI());
    }

    @Test
    void everyClassConstantIsDeclaredAsOwlClass() throws IllegalAccessException {
        List<Resource> classes = constants(Resource.class).stream().filter(t -> !isProperty(t)).toList();
        assertEquals(9, classes.size());
        for (Resource cls : classes) {
            assertTrue(ontology.contains(cls, RDF.type, OWL.Class), cls + " is not an owl:Class");
        }
    }

    @Test
    void everyPropertyConstantIsDeclaredAsObjectOrDatatypeProperty()
            throws IllegalAccessException {
        Set<String> objectProperties = Set.of("holdsRole", "inOrganization", "jurisdiction",
                "attributedTo", "participant", "atPlace", "mentions", "sourceArticle", "mergedFrom", "mergedInto",
                "mergeChange", "inGraph");
        List<Resource> properties = constants(org.apache.jena.rdf.model.Property.class);
        assertEquals(31, properties.size());
        for (Resource property : properties) {
            Resource expected = objectProperties.contains(property.getLocalName())
                    ? OWL.ObjectProperty : OWL.DatatypeProperty;
            assertTrue(ontology.contains(property, RDF.type, expected),
                    property + " is not declared " + expected.getLocalName());
        }
    }

    @Test
    void everyConstantHasEnglishLabelAndComment() throws IllegalAccessException {
        for (Resource term : constants(Resource.class)) {
            Resource declared = ontology.getResource(term.getURI());
            assertTrue(declared.hasProperty(RDFS.label), term + " has no rdfs:label");
            assertTrue(declared.hasProperty(RDFS.comment), term + " has no rdfs:comment");
            assertEquals("en", declared.getProperty(RDFS.label).getLanguage(), term + " label language");
            assertTrue(declared.getProperty(RDFS.comment).getString().length() > 30,
                    term + " has a comment too short to explain it");
        }
    }

    @Test
    void everyPropertyConstantHasDomainAndRange() throws IllegalAccessException {
        for (Resource property : constants(org.apache.jena.rdf.model.Property.class)) {
            Resource declared = ontology.getResource(property.getURI());
            assertTrue(declared.hasProperty(RDFS.domain), property + " has no rdfs:domain");
            assertTrue(declared.hasProperty(RDFS.range), property + " has no rdfs:range");
        }
    }

    @Test
    void everyNgTermDeclaredInTheOntologyHasAConstant() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        constants(Resource.class).forEach(term -> constants.add(term.getURI()));
        Set<String> declared = new TreeSet<>();
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                OWL.AnnotationProperty, RDF.Property, RDFS.Class, RDFS.Datatype)) {
            for (Resource term : ontology.listSubjectsWithProperty(RDF.type, type).toList()) {
                if (term.isURIResource() && term.getURI().startsWith(NG.NS)) {
                    declared.add(term.getURI());
                }
            }
        }
        assertEquals(declared, constants);
    }

    @Test
    void noNgTermIsUsedInTheOntologyWithoutBeingDeclared() {
        Set<String> declared = new TreeSet<>();
        ontology.listSubjectsWithProperty(RDF.type).forEach(s -> {
            if (s.isURIResource()) {
                declared.add(s.getURI());
            }
        });
        Set<String> used = new TreeSet<>();
        ontology.listStatements().forEach(st -> {
            for (RDFNode node : List.of(st.getSubject(), st.getPredicate(), st.getObject())) {
                if (node.isURIResource() && node.asResource().getURI().startsWith(NG.NS)) {
                    used.add(node.asResource().getURI());
                }
            }
        });
        used.removeAll(declared);
        assertTrue(used.isEmpty(), "used but not declared: " + used);
    }

    @Test
    void politicalPartyIsASubclassOfOrganization() {
        assertTrue(ontology.contains(NG.PoliticalParty, RDFS.subClassOf, NG.Organization));
    }
}
