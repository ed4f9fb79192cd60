package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.PASSWORD;
import static org.newsgraph.server.ServerFixtures.USER;
import static org.newsgraph.server.ServerFixtures.q;
import static org.newsgraph.server.ServerFixtures.withCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;

/**
 * A bounded load test on loopback: {@value #CLIENTS} clients run canned queries
 * ({@code /api/queries/NAME}) and ad-hoc SPARQL ({@code /news/sparql}) against a server on a
 * TDB2 store while another client ingests articles through {@code /news/ingest} with the real
 * NLP pipeline. No answer may be a 5xx (or any error), no ingested article may be missing at the
 * end, and the latencies (p50, p95, max per kind of request) are printed and written to
 * {@code target/load-report.txt}. Duration: {@code -Dload.seconds=N} (default 30).
 */
class LoadIT {

    private static final int CLIENTS = 16;
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 30));
    private static final String PREFIXES = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    /** Ad-hoc queries: a join over roles, an aggregate over all graphs, a text filter. */
    private static final List<String> SPARQL = List.of(
            PREFIXES + "SELECT ?person ?title WHERE { GRAPH ?a { ?p ng:holdsRole ?r ; rdfs:label ?person . ?r ng:title ?title } }",
            PREFIXES + "SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } } GROUP BY ?a ORDER BY DESC(?n)",
            PREFIXES + "SELECT ?e ?name WHERE { ?e rdfs:label ?name FILTER(CONTAINS(LCASE(?name), \"council\")) } LIMIT 50",
            PREFIXES + "ASK { GRAPH ?a { ?s a ng:Statement } }");
    /** Canned queries with parameters, as the query page and other systems call them. */
    private static final List<String> CANNED = List.of(
            "roles?person=Siddiqui", "top-entities", "articles?from=2025-01-01", "statements-by?speaker=Moore",
            "timeline?entity=MQM", "co-occurrence", "articles-mentioning?entity=Karachi", "top-speakers");

    @TempDir
    Path tmp;

    /** One answer: what kind of request, its status, how long it took. */
    record Sample(String kind, int status, long nanos, String what) {
    }

    @Test
    void sixteenClientsQueryWhileArticlesAreIngestedWithNoErrorAndNoLostArticle() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"))) {
            // The sample article, converted here: CoreNLP is loaded before the clock starts.
            try (Stream<ReadResult> sample = ArticleReader.create().read(List.of(Path.of("data/articles")))) {
                Ingester.builder(store).build().ingestAll(sample);
            }
            NewsServer server = NewsServer.builder().store(store).ingester(Ingester.builder(store).build())
                    .port(0).password(Optional.of(PASSWORD)).queries(QueryCatalog.builtIn()).build().start();
            try {
                run(server, store);
            } finally {
                server.stop();
            }
        }
    }

    private void run(NewsServer server, GraphStore store) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + server.port();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Set<String> ingested = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + DURATION.toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    HttpRequest request;
                    String kind;
                    if ((client + i) % 2 == 0) {
                        String canned = CANNED.get((client + i / 2) % CANNED.size());
                        kind = "canned query";
                        request = HttpRequest.newBuilder(URI.create(base + "/api/queries/" + canned))
                                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).GET().build();
                    } else {
                        String query = SPARQL.get((client + i / 2) % SPARQL.size());
                        kind = "SPARQL query";
                        request = HttpRequest.newBuilder(URI.create(base + "/news/sparql?query=" + q(query)))
                                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).GET().build();
                    }
                    samples.add(send(http, request, kind));
                }
                return null;
            }));
        }
        clients.add(pool.submit(() -> {
            for (int n = 1; System.nanoTime() < deadline; n++) {
                String id = "load-" + n;
                HttpRequest request = withCredentials(HttpRequest.newBuilder(URI.create(base + "/news/ingest?id=" + id)), USER, PASSWORD)
                        .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(300))
                        .POST(HttpRequest.BodyPublishers.ofString(article(n))).build();
                Sample s = send(http, request, "ingest");
                samples.add(s);
                if (s.status() == 201) {
                    ingested.add(id);
                }
            }
            return null;
        }));
        pool.shutdown();
        for (Future<?> f : clients) {
            f.get();
        }

        String report = report(samples, ingested.size());
        System.out.println(report);
        Files.writeString(Path.of("target/load-report.txt"), report);

        List<Sample> failed = samples.stream().filter(s -> s.status() != 200 && s.status() != 201).toList();
        assertEquals(List.of(), failed.subList(0, Math.min(10, failed.size())), failed.size() + " requests failed");
        assertTrue(samples.stream().filter(s -> s.kind().equals("ingest")).count() >= 1, report);
        assertTrue(ingested.size() >= 1, "an article was ingested during the run:\n" + report);
        Set<String> expected = new TreeSet<>(ingested);
        expected.add("mqm-bahadurabad-2025-02-09");
        assertEquals(expected, store.articleIds(), "every ingested article is in the store, and nothing else");
        for (String id : ingested) {
            HttpResponse<String> graph = http.send(HttpRequest.newBuilder(URI.create(base + "/news/data?graph="
                    + q(IriMinter.standard().article(id).getURI()))).header("Accept", "application/n-triples").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, graph.statusCode(), id);
            assertTrue(graph.body().contains("/article/" + id + "> <https://w3id.org/newsgraph/ontology#articleId>"), id);
        }
    }

    /** A short article, different for each n, with persons, a role and a statement. */
    private static String article(int n) {
        String[] names = {"Ann Moore", "Omar Khan", "Lisa Park", "Tom Reed", "Sara Ahmed", "Ali Raza"};
        String[] cities = {"Karachi", "Lahore", "Quetta", "Multan", "Sukkur", "Hyderabad"};
        String name = names[n % names.length] + " " + (char) ('A' + n % 26) + ".";
        String city = cities[n % cities.length];
        return "date 2025-03-" + String.format(Locale.ROOT, "%02d", 1 + n % 28) + "\nCouncil meeting " + n + "\n\n"
                + "City council leader " + name + " said on Tuesday that the budget of " + city
                + " would protect " + n + " libraries. \"We will not close them,\" " + name + " told reporters in " + city + ".\n";
    }

    private static Sample send(HttpClient http, HttpRequest request, String kind) {
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException e) {
            status = -1; // no answer at all counts as a failure, as a 5xx does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new Sample(kind, status, System.nanoTime() - start, request.method() + " " + request.uri().getPath());
    }

    private static String report(List<Sample> samples, int ingested) {
        Map<String, List<Long>> byKind = new TreeMap<>();
        samples.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.nanos()));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Load: %d clients for %d s on loopback, %d requests, %d articles ingested%n",
                CLIENTS, DURATION.toSeconds(), samples.size(), ingested));
        out.append(String.format(Locale.ROOT, "%-14s %8s %10s %10s %10s%n", "kind", "requests", "p50 ms", "p95 ms", "max ms"));
        byKind.forEach((kind, nanos) -> {
            Collections.sort(nanos);
            out.append(String.format(Locale.ROOT, "%-14s %8d %10.1f %10.1f %10.1f%n", kind, nanos.size(),
                    percentile(nanos, 50), percentile(nanos, 95), nanos.get(nanos.size() - 1) / 1e6));
        });
        long errors = samples.stream().filter(s -> s.status() >= 500 || s.status() < 0).count();
        out.append("5xx or no answer: ").append(errors).append('\n');
        return out.toString();
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
