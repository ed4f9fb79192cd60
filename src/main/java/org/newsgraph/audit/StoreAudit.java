package org.newsgraph.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.rdf.NG;
import org.newsgraph.resolve.MergeRules;
import org.newsgraph.resolve.PersonRecord;
import org.newsgraph.resolve.PossibleDuplicate;
import org.newsgraph.resolve.Resolver;
import org.newsgraph.resolve.StoreResolution;
import org.newsgraph.store.GraphStore;

/**
 * The audit of a store, in one read transaction: each check is one pass over the quads it
 * needs (no pairwise comparison), so it stays fast on a large store.
 */
public final class StoreAudit {

    /** Party names that are not a party's: sports leagues, labour bodies, ministries and ministers. */
    static final Pattern NOT_A_PARTY = Pattern.compile("\\b(premier|champions|super|pro|money|big bash|cricket|football"
            + "|soccer|hockey|volleyball|europa|nations|t20|kabaddi|basketball|baseball|rugby) league\\b"
            + "|\\bleague (soccer|cricket|football)\\b|\\b(unions?|federation|labou?r (council|federation|union|conference"
            + "|department)|ministry|ministers?|department|division|directorate|working party|organi[sz]ation)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Node RECORDS = NodeFactory.createURI(StoreResolution.RECORD_GRAPH);
    private static final Node ONTOLOGY = NodeFactory.createURI(GraphStore.ONTOLOGY_GRAPH);
    private static final Node TRUE = NodeFactory.createLiteralByValue(true);
    private static final int SENTENCE_CHARS = 140;
    /** Look-alikes shown with a possible duplicate, most named first. */
    private static final int LOOK_ALIKES = 5;

    private final DatasetGraph dsg;
    private final MergeRules rules;
    private final int examples;

    private StoreAudit(DatasetGraph dsg, MergeRules rules, int examples) {
        this.dsg = dsg;
        this.rules = rules;
        this.examples = examples;
    }

    /** Audits {@code store}, leaving out the merges {@code rules} forbid, with up to {@code examples} examples a check. */
    public static AuditReport run(GraphStore store, MergeRules rules, int examples) {
        if (examples < 0) {
            throw new IllegalArgumentException("examples must not be negative: " + examples);
        }
        int articles = store.articleIds().size();
        DatasetGraph dsg = store.dataset();
        StoreAudit audit = new StoreAudit(dsg, rules, examples);
        return Txn.calculateRead(dsg, () -> {
            List<PersonRecord> persons = StoreResolution.persons(dsg);
            List<Finding> findings = new ArrayList<>();
            findings.add(audit.possibleDuplicates(persons));
            findings.add(audit.typeClashes(persons.size()));
            findings.addAll(audit.unnamedBodies());
            findings.add(audit.nonParties());
            return new AuditReport(articles, findings);
        });
    }

    private Finding possibleDuplicates(List<PersonRecord> persons) {
        List<PossibleDuplicate> found = new Resolver(rules).possibleDuplicates(persons);
        List<String> lines = found.stream().limit(examples).map(d -> String.format(Locale.ROOT, "%s: %s%s (%s; %d articles)",
                first(d.person()), d.lookAlikes().stream().limit(LOOK_ALIKES).map(StoreAudit::first).collect(Collectors.joining(", ")),
                d.lookAlikes().size() > LOOK_ALIKES ? ", ..." : "", d.why(), d.articles())).toList();
        return new Finding("possible-duplicates", "Persons that may be one", found.size(), persons.size(), "persons", lines,
                "join them with `newsgraph resolve` when one fuller person is meant, or keep them apart with a forbid "
                        + "rule (see docs/resolution.md)");
    }

    private Finding typeClashes(int persons) {
        // lower-case name -> kind -> graphs, and the name as first written
        Map<String, Map<String, Set<String>>> kinds = new TreeMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (Node type : List.of(NG.Person.asNode(), NG.Place.asNode(), NG.Organization.asNode(), NG.PoliticalParty.asNode())) {
            String kind = type.equals(NG.Place.asNode()) ? "place" : type.equals(NG.Person.asNode()) ? "person" : "organization";
            dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), type).forEachRemaining(q -> {
                if (isArticleGraph(q.getGraph())) {
                    dsg.find(q.getGraph(), q.getSubject(), RDFS.label.asNode(), Node.ANY).forEachRemaining(l -> {
                        String name = l.getObject().getLiteralLexicalForm().strip();
                        String key = name.toLowerCase(Locale.ROOT);
                        written.putIfAbsent(key, name);
                        kinds.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(kind, k -> new TreeSet<>())
                                .add(q.getGraph().getURI());
                    });
                }
            });
        }
        List<Map.Entry<String, Map<String, Set<String>>>> clashes = kinds.entrySet().stream()
                .filter(e -> e.getValue().containsKey("person") && e.getValue().size() > 1)
                .sorted(Comparator.comparing((Map.Entry<String, Map<String, Set<String>>> e) -> -e.getValue().values()
                        .stream().mapToInt(Set::size).sum()).thenComparing(Map.Entry::getKey))
                .toList();
        List<String> lines = clashes.stream().limit(examples).map(e -> written.get(e.getKey()) + ": "
                + e.getValue().entrySet().stream().map(k -> (k.getKey().equals("organization") ? "an " : "a ") + k.getKey() + " in " + count(k.getValue().size(), "article"))
                .collect(Collectors.joining(", "))).toList();
        return new Finding("type-clashes", "Names that are both a person and a place or organization", clashes.size(),
                persons, "persons", lines, "usually a place or body NER took for a person: add it to a gazetteer or "
                        + "known-entities list and convert again");
    }

    /** Roles with a body none of whose names their sentence holds: stated, then implied (ng:scopeInferred). */
    private List<Finding> unnamedBodies() {
        int scoped = 0;
        List<String> stated = new ArrayList<>();
        List<String> inferred = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Quad> roles = new ArrayList<>();
        dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), NG.Role.asNode()).forEachRemaining(roles::add);
        roles.sort(Comparator.comparing((Quad q) -> q.getGraph().getURI()).thenComparing(q -> q.getSubject().toString()));
        for (Quad q : roles) {
            Node g = q.getGraph();
            Node role = q.getSubject();
            List<Node> bodies = new ArrayList<>();
            dsg.find(g, role, NG.inOrganization.asNode(), Node.ANY).forEachRemaining(b -> bodies.add(b.getObject()));
            dsg.find(g, role, NG.jurisdiction.asNode(), Node.ANY).forEachRemaining(b -> bodies.add(b.getObject()));
            Optional<String> sentence = literal(g, role, NG.sentence.asNode());
            if (bodies.isEmpty() || sentence.isEmpty() || !isArticleGraph(g) || !seen.add(g + " " + role)) {
                continue;
            }
            scoped++;
            String lower = sentence.get().toLowerCase(Locale.ROOT);
            boolean named = bodies.stream().anyMatch(b -> names(b).stream().anyMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT))));
            if (!named) {
                (dsg.contains(g, role, NG.scopeInferred.asNode(), TRUE) ? inferred : stated).add(describe(g, role, bodies, sentence.get()));
            }
        }
        return List.of(
                new Finding("unnamed-bodies", "Roles whose organization or place their sentence does not name", stated.size(),
                        scoped, "roles with an organization or place", stated.stream().limit(examples).toList(),
                        "check the article: such a body is often another sentence's; a role-changes report on it may be wrong"),
                new Finding("inferred-bodies", "Roles whose organization or place only their article implies (ng:scopeInferred)",
                        inferred.size(), scoped, "roles with an organization or place", inferred.stream().limit(examples).toList(),
                        "these are guesses from the article's country or province, marked so and with less confidence; "
                                + "role-changes ignores them"));
    }

    private Finding nonParties() {
        Map<Node, Set<String>> parties = new LinkedHashMap<>();
        Map<Node, String> name = new LinkedHashMap<>();
        dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), NG.PoliticalParty.asNode()).forEachRemaining(q -> {
            if (isArticleGraph(q.getGraph())) {
                parties.computeIfAbsent(q.getSubject(), k -> new TreeSet<>()).add(q.getGraph().getURI());
                literal(q.getGraph(), q.getSubject(), RDFS.label.asNode()).ifPresent(l -> name.putIfAbsent(q.getSubject(), l));
            }
        });
        List<Node> odd = parties.keySet().stream().filter(p -> name.containsKey(p) && NOT_A_PARTY.matcher(name.get(p)).find())
                .sorted(Comparator.comparing((Node p) -> -parties.get(p).size()).thenComparing(name::get)).toList();
        List<String> lines = odd.stream().limit(examples).map(p -> name.get(p) + " (" + count(parties.get(p).size(), "article")
                + ")").toList();
        return new Finding("non-parties", "Parties whose name is a sports league, a labour body, a ministry or a minister",
                odd.size(), parties.size(), "parties", lines, "such a body is never a political party: report the "
                        + "name so the extraction learns it");
    }

    private String describe(Node g, Node role, List<Node> bodies, String sentence) {
        String holder = dsg.stream(g, Node.ANY, NG.holdsRole.asNode(), role).findFirst()
                .flatMap(h -> literal(g, h.getSubject(), RDFS.label.asNode())).orElse("?");
        String title = literal(g, role, NG.title.asNode()).orElse("?");
        String in = bodies.stream().map(b -> names(b).stream().findFirst().orElse(b.toString())).collect(Collectors.joining(", "));
        String article = literal(g, g, NG.articleId.asNode()).orElse(g.getURI());
        String shown = sentence.length() > SENTENCE_CHARS ? sentence.substring(0, SENTENCE_CHARS) + "…" : sentence;
        return holder + ", " + title + " in " + in + " [" + article + "]: \"" + shown.replaceAll("\\s+", " ") + "\"";
    }

    /** The names of a body in any article graph, labels first. */
    private List<String> names(Node body) {
        Set<String> out = new TreeSet<>();
        Set<String> alt = new TreeSet<>();
        dsg.find(Node.ANY, body, RDFS.label.asNode(), Node.ANY).forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
        dsg.find(Node.ANY, body, SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(q -> alt.add(q.getObject().getLiteralLexicalForm()));
        List<String> all = new ArrayList<>(out);
        all.addAll(alt);
        return all;
    }

    private Optional<String> literal(Node g, Node s, Node p) {
        return dsg.stream(g, s, p, Node.ANY).map(q -> q.getObject()).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .sorted().findFirst();
    }

    private static boolean isArticleGraph(Node g) {
        return g.isURI() && !g.equals(RECORDS) && !g.equals(ONTOLOGY);
    }

    private static String first(PersonRecord p) {
        return p.labels().isEmpty() ? p.iri() : new TreeSet<>(p.labels()).first();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
