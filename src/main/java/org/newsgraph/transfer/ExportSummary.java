package org.newsgraph.transfer;

/**
 * What an export wrote.
 *
 * @param graphs  graphs written: article graphs, plus the ontology and shapes when asked
 * @param triples triples written; in a format without named graphs a triple stated by several
 *                articles is written once per article, and counted so
 * @param union   whether the format has no named graphs, so the graphs were written as one
 */
public record ExportSummary(int graphs, long triples, boolean union) {
}
