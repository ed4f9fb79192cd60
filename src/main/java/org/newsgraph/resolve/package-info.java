/**
 * Corpus-level entity resolution over a store: one person under one IRI across articles. A
 * one-word name joins the one fuller person of the store it begins or ends ("Imran" and "Imran
 * Khan"), spelling variants that differ only in spaces and hyphens join; every merge is recorded
 * in the store with what it changed, so it can be undone, and a user's rules file can forbid any.
 * Reads and writes the store; knows nothing of the NLP or the extraction.
 */
package org.newsgraph.resolve;
