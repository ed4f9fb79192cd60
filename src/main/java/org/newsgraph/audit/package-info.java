/**
 * The store audit: what a user of a store should look at and perhaps fix, with counts and
 * examples — possible duplicates, names typed both a person and a place or organization, roles
 * whose organization or place their sentence does not name, parties that look like something
 * else. Reads the store only; knows nothing of the NLP or the extraction.
 */
package org.newsgraph.audit;
