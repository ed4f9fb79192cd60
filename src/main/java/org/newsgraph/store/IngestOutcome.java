package org.newsgraph.store;

/** What storing one article did to the store. */
public enum IngestOutcome {
    /** The article had no graph before; now it has. */
    ADDED,
    /** The article's old graph was removed and the new one written, in one transaction. */
    REPLACED,
    /** The stored graph already had the article's content hash; nothing was converted or written. */
    UNCHANGED
}
