package org.newsgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Latency of every canned query over HTTP ({@code /api/queries/NAME}) on a running server: a few
 * warm-up calls, then ROUNDS timed calls each, in each query's default format; prints p50 and p95. Required parameters get values
 * found in a sample of the store's articles: the most quoted speaker, the most mentioned party, a word of a statement.
 *
 * <pre>
 * QueryLatency http://127.0.0.1:PORT ROUNDS SAMPLE.nq
 * </pre>
 */
public final class QueryLatency {

    private static final String PREFIXES = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        // Found in a small sample of the store's articles: on the whole store these aggregates are slow.
        org.apache.jena.query.Dataset sample = org.apache.jena.riot.RDFDataMgr.loadDataset(args[2]);
        JsonObject speaker = first(sample, "SELECT ?who (SAMPLE(?l) AS ?label) (COUNT(?s) AS ?n) WHERE { GRAPH ?g { "
                + "?s a ng:Statement ; ng:attributedTo ?who . ?who rdfs:label ?l } } GROUP BY ?who ORDER BY DESC(?n) LIMIT 1");
        JsonObject party = first(sample, "SELECT ?p (SAMPLE(?l) AS ?label) (COUNT(?a) AS ?n) WHERE { GRAPH ?g { "
                + "?p a ng:PoliticalParty ; rdfs:label ?l . ?a ng:mentions ?p } } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1");
        String who = value(speaker, "who");
        JsonObject statement = first(sample, "SELECT ?t WHERE { GRAPH ?g { ?s ng:attributedTo <" + who
                + "> ; ng:text ?t } } LIMIT 1");
        String word = Arrays.stream(value(statement, "t").toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .max(Comparator.comparingInt(String::length)).orElse("said");
        Map<String, String> values = Map.of("iri", who, "party", value(party, "label"), "topic", word,
                "string", value(speaker, "label"));
        System.out.printf(Locale.ROOT, "parameters: person %s <%s>, party %s, topic %s%n", value(speaker, "label"), who,
                value(party, "label"), word);
        System.out.printf(Locale.ROOT, "%-22s %6s %9s %9s %9s%n", "query", "rows", "p50 ms", "p95 ms", "max ms");
        JsonArray queries = JSON.parseAny(get(base + "/api/queries", "application/json")).getAsArray();
        for (JsonValue q : queries) {
            String name = q.getAsObject().getString("name");
            Map<String, String> params = new LinkedHashMap<>();
            for (JsonValue p : q.getAsObject().get("parameters").getAsArray()) {
                JsonObject po = p.getAsObject();
                if (po.get("required").getAsBoolean().value()) {
                    String pname = po.getString("name");
                    String type = po.getString("type");
                    params.put(pname, type.equals("iri") ? values.get("iri")
                            : values.getOrDefault(pname, values.get("string")));
                }
            }
            StringBuilder url = new StringBuilder(base + "/api/queries/" + name);
            char sep = '?';
            for (Map.Entry<String, String> e : params.entrySet()) {
                url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            long warm = System.nanoTime();
            int rows = rows(get(url.toString(), "*/*"));
            // A query far over the target is measured fewer times, so that the run ends.
            int n = System.nanoTime() - warm > 2_000_000_000L ? 3 : rounds;
            rows(get(url.toString(), "*/*"));
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                get(url.toString(), "*/*");
                ms.add((System.nanoTime() - t) / 1e6);
            }
            ms.sort(null);
            System.out.printf(Locale.ROOT, "%-22s %6d %9.1f %9.1f %9.1f%n", name, rows, percentile(ms, 50),
                    percentile(ms, 95), ms.get(ms.size() - 1));
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Rows of a SELECT, nodes of a graph (JSON-LD), 1 for an ASK. */
    private static int rows(String json) {
        JsonValue v = JSON.parseAny(json);
        if (v.isArray()) {
            return v.getAsArray().size();
        }
        JsonObject o = v.getAsObject();
        return o.hasKey("results") ? o.get("results").getAsObject().get("bindings").getAsArray().size()
                : o.hasKey("@graph") ? o.get("@graph").getAsArray().size() : 1;
    }

    private static JsonObject first(org.apache.jena.query.Dataset sample, String query) {
        try (org.apache.jena.query.QueryExecution qe = org.apache.jena.query.QueryExecutionFactory.create(
                PREFIXES + query, sample)) {
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            org.apache.jena.query.ResultSetFormatter.outputAsJSON(json, qe.execSelect());
            JsonArray rows = JSON.parseAny(json.toString(StandardCharsets.UTF_8)).getAsObject().get("results")
                    .getAsObject().get("bindings").getAsArray();
            if (rows.isEmpty()) {
                throw new IllegalStateException("the sample has no answer to " + query);
            }
            return rows.get(0).getAsObject();
        }
    }

    private static String value(JsonObject row, String var) {
        return row.get(var).getAsObject().getString("value");
    }

    private static String get(String url, String accept) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private QueryLatency() {
    }
}
