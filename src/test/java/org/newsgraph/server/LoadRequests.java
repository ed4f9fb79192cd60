package org.newsgraph.server;

import static org.newsgraph.server.ServerFixtures.q;

import java.util.List;
import java.util.Locale;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.newsgraph.store.GraphStore;

/** What {@link LoadIT}'s polite clients ask: canned queries and ad-hoc SPARQL, and articles to ingest. */
final class LoadRequests {

    private static final String PREFIXES = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    /** Ad-hoc queries: a join over roles, an aggregate over all graphs, a text filter. */
    private static final List<String> SPARQL = List.of(
            PREFIXES + "SELECT ?person ?title WHERE { GRAPH ?a { ?p ng:holdsRole ?r ; rdfs:label ?person . ?r ng:title ?title } } LIMIT 100",
            PREFIXES + "SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } } GROUP BY ?a ORDER BY DESC(?n) LIMIT 20",
            PREFIXES + "SELECT ?e ?name WHERE { ?e rdfs:label ?name FILTER(CONTAINS(LCASE(?name), \"council\")) } LIMIT 50",
            PREFIXES + "ASK { GRAPH ?a { ?s a ng:Statement } }");

    /** The council leaders of {@link #article}, one of whom {@code statements-by} asks for. */
    private static final String[] LEADERS = {"Ann Moore", "Omar Khan", "Lisa Park", "Tom Reed", "Sara Ahmed", "Ali Raza"};

    private final List<String> canned;

    private LoadRequests(List<String> canned) {
        this.canned = canned;
    }

    /**
     * Canned queries with parameters, as the query page and other systems call them, the names
     * taken from {@code store}: a person who holds a role, an organization and a place, whatever
     * articles it holds.
     */
    static LoadRequests forStore(GraphStore store) {
        String person = firstLabel(store, "?e ng:holdsRole ?r");
        String org = firstLabel(store, "?e a ng:Organization");
        String place = firstLabel(store, "?e a ng:Place");
        return new LoadRequests(List.of(
                "roles?person=" + q(person), "top-entities", "articles?from=2025-01-01",
                "statements-by?speaker=" + q(LEADERS[0].substring(LEADERS[0].indexOf(' ') + 1)), "timeline?entity=" + q(org), "co-occurrence",
                "articles-mentioning?entity=" + q(place), "top-speakers"));
    }

    /** The first label, in order, of an entity matching {@code pattern} on {@code ?e}. */
    private static String firstLabel(GraphStore store, String pattern) {
        String query = PREFIXES + "SELECT ?l WHERE { " + pattern + " ; rdfs:label ?l } ORDER BY ?l LIMIT 1";
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec exec = QueryExec.dataset(store.dataset()).query(query).build()) {
                RowSet rows = exec.select();
                if (!rows.hasNext()) {
                    throw new IllegalStateException("the store has no entity with " + pattern);
                }
                return rows.next().get("l").getLiteralLexicalForm();
            }
        });
    }

    /** A GET and the kind it is reported under. */
    record Polite(String kind, String target) {
    }

    /** The {@code i}th request of polite client {@code client}: canned and ad-hoc queries in turn. */
    Polite polite(int client, int i) {
        if ((client + i) % 2 == 0) {
            return new Polite("canned query", "/api/queries/" + canned.get((client + i / 2) % canned.size()));
        }
        return new Polite("SPARQL query", "/news/sparql?query=" + q(SPARQL.get((client + i / 2) % SPARQL.size())));
    }

    /** A short article, different for each n, with persons, a role and a statement. */
    static String article(int n) {
        String[] names = LEADERS;
        String[] cities = {"Karachi", "Lahore", "Quetta", "Multan", "Sukkur", "Hyderabad"};
        String name = names[n % names.length] + " " + (char) ('A' + n % 26) + ".";
        String city = cities[n % cities.length];
        return "date 2025-03-" + String.format(Locale.ROOT, "%02d", 1 + n % 28) + "\nCouncil meeting " + n + "\n\n"
                + "City council leader " + name + " said on Tuesday that the budget of " + city
                + " would protect " + n + " libraries. \"We will not close them,\" " + name + " told reporters in " + city + ".\n";
    }
}
