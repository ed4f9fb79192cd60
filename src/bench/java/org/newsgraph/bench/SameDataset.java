package org.newsgraph.bench;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.util.IsoMatcher;

/**
 * Whether two RDF files hold isomorphic datasets: {@code bench/run} checks that 1 and 2
 * threads wrote the same graphs. Exits 1 when they differ.
 */
public final class SameDataset {

    public static void main(String[] args) {
        boolean same = IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(args[0]), RDFDataMgr.loadDatasetGraph(args[1]));
        System.out.println((same ? "same dataset: " : "DIFFERENT datasets: ") + args[0] + " " + args[1]);
        System.exit(same ? 0 : 1);
    }

    private SameDataset() {
    }
}
