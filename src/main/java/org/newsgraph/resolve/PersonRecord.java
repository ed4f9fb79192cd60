package org.newsgraph.resolve;

import java.util.Objects;
import java.util.Set;

/**
 * A person of the store as resolution sees it.
 *
 * @param iri    its IRI
 * @param labels its rdfs:label values, across the article graphs
 * @param graphs the article graphs that type it a person
 */
public record PersonRecord(String iri, Set<String> labels, Set<String> graphs) {

    public PersonRecord {
        Objects.requireNonNull(iri, "iri");
        labels = Set.copyOf(labels);
        graphs = Set.copyOf(graphs);
    }

    /** Whether every name of the person is a single word ("Imran"). */
    boolean oneWord() {
        return !labels.isEmpty() && labels.stream().noneMatch(l -> l.strip().contains(" "));
    }
}
