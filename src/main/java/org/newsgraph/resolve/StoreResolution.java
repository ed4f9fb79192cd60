package org.newsgraph.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/**
 * Resolution run on a store, in one write transaction, so a store is never left half-resolved:
 * merges that the rules now forbid are undone from their records, then the merges the
 * {@link Resolver} finds are made and recorded in {@value #RECORD_GRAPH}. In each article graph
 * a merge changes, the removed person's triples name the kept one, its names become
 * {@code skos:altLabel}s of the kept person, and the graph's earlier triples are kept in the record.
 * Running it again finds nothing new; re-ingested articles are resolved again.
 */
public final class StoreResolution {

    /** The named graph of merge records. */
    public static final String RECORD_GRAPH = "https://w3id.org/newsgraph/graph/resolution";
    private static final Node RECORDS = NodeFactory.createURI(RECORD_GRAPH);
    private static final String MERGE_NS = "https://w3id.org/newsgraph/merge/";

    /**
     * What a run did.
     *
     * @param merges the merges made
     * @param undone how many recorded merges were undone because the rules forbid them now
     * @param graphs how many article graphs changed
     */
    public record Outcome(List<Merge> merges, int undone, int graphs) {
        public Outcome {
            merges = List.copyOf(merges);
        }
    }

    private StoreResolution() {
    }

    /** Resolves the persons of {@code store} under {@code rules}; with {@code dryRun}, only says what it would merge. */
    public static Outcome run(GraphStore store, MergeRules rules, boolean dryRun) {
        DatasetGraph dsg = store.dataset();
        if (dryRun) {
            return Txn.calculateRead(dsg, () -> new Outcome(new Resolver(rules).merges(persons(dsg)), 0, 0));
        }
        return Txn.calculateWrite(dsg, () -> {
            int undone = undoForbidden(dsg, rules);
            List<Merge> merges = new Resolver(rules).merges(persons(dsg));
            int graphs = 0;
            for (Merge m : merges) {
                graphs += apply(dsg, m);
            }
            return new Outcome(merges, undone, graphs);
        });
    }

    /** Every person of the article graphs, with its labels and graphs; in a read transaction. */
    public static List<PersonRecord> persons(DatasetGraph dsg) {
        Map<Node, Set<String>> labels = new LinkedHashMap<>();
        Map<Node, Set<String>> graphs = new LinkedHashMap<>();
        Iterator<Quad> typed = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), NG.Person.asNode());
        while (typed.hasNext()) {
            Quad q = typed.next();
            if (q.getGraph().equals(RECORDS) || !q.getSubject().isURI()) {
                continue;
            }
            graphs.computeIfAbsent(q.getSubject(), k -> new LinkedHashSet<>()).add(q.getGraph().getURI());
            Iterator<Quad> names = dsg.find(q.getGraph(), q.getSubject(), RDFS.label.asNode(), Node.ANY);
            names.forEachRemaining(n -> labels.computeIfAbsent(q.getSubject(), k -> new LinkedHashSet<>())
                    .add(n.getObject().getLiteralLexicalForm()));
        }
        List<PersonRecord> out = new ArrayList<>();
        graphs.forEach((p, g) -> out.add(new PersonRecord(p.getURI(), labels.getOrDefault(p, Set.of()), g)));
        return out;
    }

    private static int apply(DatasetGraph dsg, Merge m) {
        Node from = NodeFactory.createURI(m.from());
        Node into = NodeFactory.createURI(m.into());
        Node record = NodeFactory.createURI(MERGE_NS + hash(m.from() + " " + m.into()));
        String intoLabel = labelOf(dsg, into);
        if (dsg.contains(RECORDS, record, RDF.type.asNode(), NG.Merge.asNode())) {
            dsg.deleteAny(RECORDS, record, NG.mergeReason.asNode(), Node.ANY); // a later run over re-ingested articles
        }
        add(dsg, record, RDF.type.asNode(), NG.Merge.asNode());
        add(dsg, record, NG.mergedFrom.asNode(), from);
        add(dsg, record, NG.mergedInto.asNode(), into);
        add(dsg, record, NG.mergeReason.asNode(), NodeFactory.createLiteralString(m.reason()));
        for (String g : m.graphs()) {
            Node graph = NodeFactory.createURI(g);
            List<Quad> old = new ArrayList<>();
            dsg.find(graph, from, Node.ANY, Node.ANY).forEachRemaining(old::add);
            dsg.find(graph, Node.ANY, Node.ANY, from).forEachRemaining(q -> {
                if (!q.getSubject().equals(from)) {
                    old.add(q);
                }
            });
            List<Triple> added = new ArrayList<>();
            for (Quad q : old) {
                dsg.delete(q);
            }
            for (Quad q : old) {
                Triple t = merged(q.asTriple(), from, into);
                boolean isIntoLabel = intoLabel != null && t.getObject().isLiteral()
                        && t.getObject().getLiteralLexicalForm().equals(intoLabel) && t.getSubject().equals(into);
                if (!isIntoLabel && !dsg.contains(graph, t.getSubject(), t.getPredicate(), t.getObject())) {
                    dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
                    added.add(t);
                }
            }
            Node label = intoLabel == null ? null : NodeFactory.createLiteralString(intoLabel);
            if (label != null && !dsg.contains(graph, into, RDFS.label.asNode(), label)) {
                dsg.add(graph, into, RDFS.label.asNode(), label);
                added.add(Triple.create(into, RDFS.label.asNode(), label));
            }
            // What the graph held and what the merge added: undoing is taking one out and putting the other back.
            Node change = NodeFactory.createURI(record.getURI() + "/" + hash(g));
            add(dsg, record, NG.mergeChange.asNode(), change);
            add(dsg, change, NG.inGraph.asNode(), graph);
            add(dsg, change, NG.originalTriples.asNode(), NodeFactory.createLiteralString(ntriples(old.stream().map(Quad::asTriple).toList())));
            add(dsg, change, NG.addedTriples.asNode(), NodeFactory.createLiteralString(ntriples(added)));
        }
        return m.graphs().size();
    }

    /** Undoes each recorded merge the rules forbid now, from its record. */
    private static int undoForbidden(DatasetGraph dsg, MergeRules rules) {
        List<Node> records = new ArrayList<>();
        dsg.find(RECORDS, Node.ANY, RDF.type.asNode(), NG.Merge.asNode()).forEachRemaining(q -> records.add(q.getSubject()));
        int undone = 0;
        for (Node record : records) {
            Node from = object(dsg, record, NG.mergedFrom.asNode());
            Node into = object(dsg, record, NG.mergedInto.asNode());
            List<Quad> recorded = new ArrayList<>();
            dsg.find(RECORDS, record, NG.mergeChange.asNode(), Node.ANY).forEachRemaining(recorded::add);
            Set<String> fromNames = new LinkedHashSet<>();
            for (Quad c : recorded) {
                for (Triple t : parse(object(dsg, c.getObject(), NG.originalTriples.asNode()).getLiteralLexicalForm())) {
                    if (t.getSubject().equals(from) && t.getPredicate().equals(RDFS.label.asNode())) {
                        fromNames.add(t.getObject().getLiteralLexicalForm());
                    }
                }
            }
            PersonRecord a = new PersonRecord(from.getURI(), fromNames, Set.of());
            PersonRecord b = new PersonRecord(into.getURI(), Set.of(labelOf(dsg, into) == null ? "" : labelOf(dsg, into)), Set.of());
            if (!rules.forbids(a, b)) {
                continue;
            }
            for (Quad c : recorded) {
                undoChange(dsg, c.getObject());
            }
            dsg.deleteAny(RECORDS, record, Node.ANY, Node.ANY);
            undone++;
        }
        return undone;
    }

    /** A triple of the removed person as the merge writes it: the kept IRI, its names as other names. */
    private static Triple merged(Triple t, Node from, Node into) {
        Node s = t.getSubject().equals(from) ? into : t.getSubject();
        Node o = t.getObject().equals(from) ? into : t.getObject();
        Node p = s.equals(into) && t.getPredicate().equals(RDFS.label.asNode()) ? SKOS.altLabel.asNode() : t.getPredicate();
        return Triple.create(s, p, o);
    }

    private static void undoChange(DatasetGraph dsg, Node change) {
        Node graph = object(dsg, change, NG.inGraph.asNode());
        String original = object(dsg, change, NG.originalTriples.asNode()).getLiteralLexicalForm();
        String added = object(dsg, change, NG.addedTriples.asNode()).getLiteralLexicalForm();
        dsg.deleteAny(RECORDS, change, Node.ANY, Node.ANY);
        if (!dsg.contains(graph, graph, RDF.type.asNode(), NG.Article.asNode())) {
            return; // the article was deleted since: nothing to give back
        }
        for (Triple t : parse(added)) {
            dsg.delete(graph, t.getSubject(), t.getPredicate(), t.getObject());
        }
        for (Triple t : parse(original)) {
            dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    private static String labelOf(DatasetGraph dsg, Node person) {
        Iterator<Quad> it = dsg.find(Node.ANY, person, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (!q.getGraph().equals(RECORDS)) {
                return q.getObject().getLiteralLexicalForm();
            }
        }
        return null;
    }

    private static Node object(DatasetGraph dsg, Node s, Node p) {
        Iterator<Quad> it = dsg.find(RECORDS, s, p, Node.ANY);
        if (!it.hasNext()) {
            throw new IllegalStateException("merge record " + s + " has no " + p);
        }
        return it.next().getObject();
    }

    private static void add(DatasetGraph dsg, Node s, Node p, Node o) {
        dsg.add(RECORDS, s, p, o);
    }

    private static String ntriples(List<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        triples.forEach(g::add);
        return RDFWriter.source(g).lang(Lang.NTRIPLES).asString();
    }

    private static List<Triple> parse(String ntriples) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(g);
        return g.find().toList();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
