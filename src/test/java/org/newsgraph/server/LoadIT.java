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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;

/**
 * A bounded load test on loopback: {@value #CLIENTS} clients, each from an address of its own
 * (127.0.1.1 and up), run canned queries
 * ({@code /api/queries/NAME}) and ad-hoc SPARQL ({@code /news/sparql}) against a server on a
 * TDB2 store of {@code -Dload.articles=N} articles (default 2,000: the sample article's graph
 * under new ids; {@code -Dload.store=DIR} serves a store of your own instead) while another client
 * ingests articles through {@code /news/ingest} with the real NLP pipeline. Twice: alone, and
 * with {@code -Dload.hostile=N} (default 4) hostile clients from 127.0.0.2 and up sending the
 * queries and requests of {@link HostileClient} all the while. Either way no answer to the polite
 * clients may be an error (5xx or other), no ingested article may be missing, and the latencies
 * (p50, p95, max per kind of request) and what the hostile clients got are printed and written to
 * {@code target/load-report.txt}. Duration of each run: {@code -Dload.seconds=N} (default 30).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadIT {

    private static final int CLIENTS = 16;
    private static final int HOSTILE = Integer.getInteger("load.hostile", 4);
    private static final int ARTICLES = Integer.getInteger("load.articles", 2000);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 30));
    private static final Path REPORT = Path.of("target/load-report.txt");

    @TempDir
    static Path tmp;
    private static GraphStore store;
    private static NewsServer server;
    private static int before;
    private static LoadRequests requests;

    @BeforeAll
    static void serve() throws IOException {
        String own = System.getProperty("load.store");
        store = GraphStore.open(own != null ? Path.of(own) : tmp.resolve("db"));
        // The sample article, converted here: CoreNLP is loaded before the clock starts.
        try (Stream<ReadResult> sample = ArticleReader.create().read(List.of(Path.of("data/articles")))) {
            Ingester.builder(store).build().ingestAll(sample);
        }
        if (own == null) {
            LoadStore.replicate(store, store.articleIds().iterator().next(), ARTICLES - 1);
        }
        requests = LoadRequests.forStore(store);
        before = store.articleIds().size();
        server = NewsServer.builder().store(store).ingester(Ingester.builder(store).build())
                .port(0).password(Optional.of(PASSWORD)).queries(QueryCatalog.builtIn()).build().start();
        Files.writeString(REPORT, "");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(1)
    void sixteenClientsQueryWhileArticlesAreIngestedWithNoErrorAndNoLostArticle() throws Exception {
        run("polite", 0);
    }

    @Test
    @Order(2)
    void andTheSameWhileHostileClientsAskForWhatTheyMustNotGet() throws Exception {
        run("hostile", HOSTILE);
    }

    private void run(String phase, int hostile) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + server.port();
        List<LoadReport.Sample> samples = new CopyOnWriteArrayList<>();
        List<HostileClient.Outcome> attacks = new CopyOnWriteArrayList<>();
        Set<String> ingested = ConcurrentHashMap.newKeySet();
        int storedBefore = store.articleIds().size();
        long deadline = System.nanoTime() + DURATION.toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1 + hostile);
        List<Future<?>> clients = new ArrayList<>();
        for (int h = 0; h < hostile; h++) {
            HostileClient attacker = new HostileClient("127.0.0." + (2 + h), server.port(), 2 * h);
            clients.add(pool.submit(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        attacks.add(attacker.next());
                    }
                } finally {
                    attacker.close();
                }
                return null;
            }));
        }
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    samples.add(LoadReport.send("127.0.1." + (1 + client), server.port(), requests.polite(client, i)));
                }
                return null;
            }));
        }
        clients.add(pool.submit(() -> {
            for (int n = 1; System.nanoTime() < deadline; n++) {
                String id = phase + "-" + n;
                HttpRequest request = withCredentials(HttpRequest.newBuilder(URI.create(base + "/news/ingest?id=" + id)), USER, PASSWORD)
                        .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(300))
                        .POST(HttpRequest.BodyPublishers.ofString(LoadRequests.article(n))).build();
                LoadReport.Sample s = LoadReport.send(http, "ingest", request);
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

        String report = LoadReport.of(String.format(Locale.ROOT, "Load (%s): %d clients%s for %d s on loopback, store of %d articles",
                phase, CLIENTS, hostile > 0 ? " and " + hostile + " hostile ones" : "", DURATION.toSeconds(), before),
                samples, ingested.size(), attacks);
        System.out.println(report);
        Files.writeString(REPORT, report + "\n", StandardOpenOption.APPEND);

        List<LoadReport.Sample> failed = samples.stream().filter(s -> s.status() != 200 && s.status() != 201).toList();
        assertEquals(List.of(), failed.subList(0, Math.min(10, failed.size())), failed.size() + " requests failed");
        assertTrue(ingested.size() >= 1, "an article was ingested during the run:\n" + report);
        assertEquals(storedBefore + ingested.size(), store.articleIds().size(), "every ingested article is in the store");
        for (String id : ingested) {
            HttpResponse<String> graph = http.send(HttpRequest.newBuilder(URI.create(base + "/news/data?graph="
                    + q(IriMinter.standard().article(id).getURI()))).header("Accept", "application/n-triples").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, graph.statusCode(), id);
            assertTrue(graph.body().contains("/article/" + id + "> <https://w3id.org/newsgraph/ontology#articleId>"), id);
        }
        if (hostile > 0) {
            assertTrue(attacks.size() >= hostile, report);
            long biggest = attacks.stream().mapToLong(HostileClient.Outcome::bytes).max().orElse(0);
            assertTrue(biggest < 64L * 1024 * 1024, "no hostile answer is over 64 MB: " + biggest);
        }
    }
}
