package org.newsgraph.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The newsgraph vocabulary, {@code ng:} = {@value #NS}, as Jena constants; defined in
 * {@code ontology/newsgraph.ttl} and constrained by {@code ontology/shapes.ttl}.
 *
 * <p>Terms from other vocabularies that newsgraph writes are in Jena already:
 * {@code RDFS.label}, {@code SKOS.altLabel}, {@code DCTerms.title}, {@code SchemaDO.url}
 * (schema.org with {@code https://}) and {@code OWL.sameAs}.
 */
public final class NG {

    /** The namespace of the vocabulary. */
    public static final String NS = "https://w3id.org/newsgraph/ontology#";

    private NG() {
    }

    /** The namespace of the vocabulary, as Jena vocabularies provide it. */
    public static String getURI() {
        return NS;
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }

    private static Property property(String localName) {
        return ResourceFactory.createProperty(NS, localName);
    }

    // Classes

    /** A news article that newsgraph has read; the source of every fact. */
    public static final Resource Article = resource("Article");
    /** A named human being mentioned in an article. */
    public static final Resource Person = resource("Person");
    /** A named organization: party, government, committee, court, company, agency. */
    public static final Resource Organization = resource("Organization");
    /** A political party; always typed {@link #Organization} as well. */
    public static final Resource PoliticalParty = resource("PoliticalParty");
    /** A named geographical or political place (country, province, city). */
    public static final Resource Place = resource("Place");
    /** One person's holding of a position as one article reports it. */
    public static final Resource Role = resource("Role");
    /** One speech act: a direct quote or reported speech. */
    public static final Resource Statement = resource("Statement");
    /** Something that happened (protest, meeting, decision, resignation, arrest). */
    public static final Resource Event = resource("Event");
    /** A record of two persons joined by corpus-level resolution, kept so it can be undone. */
    public static final Resource Merge = resource("Merge");

    // Object properties

    /** Person to the {@link #Role} the person holds. */
    public static final Property holdsRole = property("holdsRole");
    /** Role to the {@link #Organization} it is held in. */
    public static final Property inOrganization = property("inOrganization");
    /** Role to the {@link #Place} it has authority over (Governor of Sindh). */
    public static final Property jurisdiction = property("jurisdiction");
    /** Statement to its speaker, a {@link #Person} or an {@link #Organization}. */
    public static final Property attributedTo = property("attributedTo");
    /** Event to a {@link #Person} or {@link #Organization} taking part in it. */
    public static final Property participant = property("participant");
    /** Event to the {@link #Place} where it happened. */
    public static final Property atPlace = property("atPlace");
    /** Article to a person, organization or place it names. */
    public static final Property mentions = property("mentions");
    /** Fact (role, statement, event) to the {@link #Article} it was read from. */
    public static final Property sourceArticle = property("sourceArticle");

    // Datatype properties: roles

    /** Role title as written, lower-cased ("chairman"), {@code xsd:string}. */
    public static final Property title = property("title");
    /** True when the text says the role is former, {@code xsd:boolean}. */
    public static final Property former = property("former");
    /** True when a role's organization or place is implied by the article, not stated, {@code xsd:boolean}. */
    public static final Property scopeInferred = property("scopeInferred");
    /** The IRI a merge removed. */
    public static final Property mergedFrom = property("mergedFrom");
    /** The IRI a merge kept. */
    public static final Property mergedInto = property("mergedInto");
    /** Why a merge was made, for a person. */
    public static final Property mergeReason = property("mergeReason");
    /** One article graph a merge changed, with what it held before. */
    public static final Property mergeChange = property("mergeChange");
    /** The article graph of a merge change. */
    public static final Property inGraph = property("inGraph");
    /** The triples of the removed IRI in that graph before the merge, as N-Triples. */
    public static final Property originalTriples = property("originalTriples");
    /** The triples a merge added to that graph, as N-Triples. */
    public static final Property addedTriples = property("addedTriples");
    /** Publication date of the article reporting the role, {@code xsd:date}. */
    public static final Property reportedOn = property("reportedOn");

    // Datatype properties: statements

    /** What was said, without quotation marks, {@code xsd:string}. */
    public static final Property text = property("text");
    /** True for a direct quote, false for reported speech, {@code xsd:boolean}. */
    public static final Property direct = property("direct");
    /** Lemma of the speech verb ("say", "urge", "according to"), {@code xsd:string}. */
    public static final Property cue = property("cue");

    // Datatype properties: events

    /** The word expressing the event as written ("resigned"), {@code xsd:string}. */
    public static final Property trigger = property("trigger");
    /** When the event happened: {@code xsd:date}, {@code xsd:gYearMonth} or {@code xsd:gYear}. */
    public static final Property occurredOn = property("occurredOn");

    // Datatype properties: provenance of every fact

    /** The sentence a fact was read from, {@code xsd:string}. */
    public static final Property sentence = property("sentence");
    /** 0-based start offset of the evidence in the article text, {@code xsd:integer}. */
    public static final Property beginOffset = property("beginOffset");
    /** 0-based exclusive end offset of the evidence in the article text, {@code xsd:integer}. */
    public static final Property endOffset = property("endOffset");
    /** Extractor confidence from 0 to 1 inclusive, {@code xsd:decimal}. */
    public static final Property confidence = property("confidence");

    // Datatype properties: articles

    /** Publication date of an article, {@code xsd:date}. */
    public static final Property publishedOn = property("publishedOn");
    /** Article id: source file name without extension, {@code xsd:string}. */
    public static final Property articleId = property("articleId");
    /** SHA-256 of the article text as 64 lower-case hex digits, {@code xsd:string}. */
    public static final Property contentHash = property("contentHash");
}
