package org.newsgraph.extract;

/** A fact read from an article: who holds which role, who said what, what happened. */
public sealed interface Fact permits RoleFact, StatementFact, EventFact {

    /** Where it was read. */
    Evidence evidence();

    /** How sure the extractor is, from 0 to 1. */
    double confidence();
}
