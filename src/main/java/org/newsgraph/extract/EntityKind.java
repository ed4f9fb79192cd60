package org.newsgraph.extract;

/** What kind of thing an entity is. */
public enum EntityKind {
    PERSON, ORGANIZATION, PLACE
}
