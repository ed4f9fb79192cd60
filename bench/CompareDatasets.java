import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;

/**
 * Whether two RDF datasets (N-Quads, TriG, ...) are isomorphic, graph by graph, as Jena's
 * IsoMatcher decides (blank nodes matched, not compared by label). Prints the quads found in one
 * only, at most 20 each way, and exits 1 when they differ.
 *
 *   java -cp "target/classes:target/lib/*" bench/CompareDatasets.java before.nq after.nq
 */
public class CompareDatasets {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CompareDatasets BEFORE AFTER");
            System.exit(2);
        }
        DatasetGraph a = RDFDataMgr.loadDatasetGraph(args[0]);
        DatasetGraph b = RDFDataMgr.loadDatasetGraph(args[1]);
        if (IsoMatcher.isomorphic(a, b)) {
            System.out.println("isomorphic: " + args[0] + " and " + args[1] + " (" + a.stream().count() + " quads)");
            return;
        }
        Set<String> qa = strings(a);
        Set<String> qb = strings(b);
        System.out.println("NOT isomorphic: " + qa.size() + " and " + qb.size() + " quads");
        qa.stream().filter(q -> !qb.contains(q)).limit(20).forEach(q -> System.out.println("- " + q));
        qb.stream().filter(q -> !qa.contains(q)).limit(20).forEach(q -> System.out.println("+ " + q));
        System.exit(1);
    }

    private static Set<String> strings(DatasetGraph d) {
        Set<String> out = new TreeSet<>();
        d.stream().map(Quad::toString).forEach(out::add);
        return out;
    }
}
