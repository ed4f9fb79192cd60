package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.server.NewsServer;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine;

/** {@code newsgraph serve} with an annotator that needs no models: ingest, options, password sources, stop. */
class ServeCommandTest {

    @TempDir
    Path tmp;

    /** What one run printed on standard error, its exit status, and the HTTP answers got while it ran. */
    record Run(int exit, String err, Map<String, HttpResponse<String>> answers) {
    }

    /** Runs {@code serve ARGS --port 0}; while it serves, sends {@code requests} (name to request), then stops it. */
    private static Run serve(Map<String, String> env, Map<String, HttpRequest.Builder> requests, String... args)
            throws Exception {
        CompletableFuture<NewsServer> started = new CompletableFuture<>();
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ServeCommand.class
                        ? type.cast(new ServeCommand(IngestCommandTest.NO_NLP, started::complete, env::get))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);
        String[] all = new String[args.length + 3];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--port";
        all[args.length + 2] = "0";
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(all));
        CompletableFuture.anyOf(started, exit).get(60, TimeUnit.SECONDS);
        Map<String, HttpResponse<String>> answers = new java.util.TreeMap<>();
        if (started.isDone()) {
            NewsServer server = started.get();
            HttpClient http = HttpClient.newHttpClient();
            for (Map.Entry<String, HttpRequest.Builder> r : requests.entrySet()) {
                HttpRequest request = r.getValue().uri(URI.create(server.url() + r.getKey().replaceFirst("^\\w+ /", ""))).build();
                answers.put(r.getKey(), http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            server.stop();
        }
        return new Run(exit.get(60, TimeUnit.SECONDS), err.toString(), answers);
    }

    private static HttpRequest.Builder update(String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder().header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 } }"));
        if (password != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    @Test
    void servesTheArticlesItIngestsWithWritesOffByDefault() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("council.txt"), "date 2025-04-02\nCity council leader Ann Moore said the budget would pass.\n");
        Path db = tmp.resolve("db");

        Run run = serve(Map.of(), Map.of(
                        "GET /healthz", HttpRequest.newBuilder().GET(),
                        "POST /news/update", update(null)),
                in.toString(), "--db", db.toString());

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.err().contains("1 ingested, 0 unchanged, 0 failed"), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("newsgraph serving 1 article at http://127.0.0.1:")
                && l.contains("/news/sparql, updates: off")), run.err());
        assertTrue(run.answers().get("GET /healthz").body().contains("\"articles\":1"));
        assertEquals(403, run.answers().get("POST /news/update").statusCode());
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(Set.of("council"), store.articleIds(), "the store was closed and kept");
        }
    }

    @Test
    void thePasswordComesFromTheFileOrElseTheEnvironment() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), "from-file\nignored second line\n");

        Run fromFile = serve(Map.of(ServeCommand.PASSWORD_ENV, "from-env"), Map.of(
                "POST /news/update", update("from-file")), "--password-file", file.toString());
        Run fromEnv = serve(Map.of(ServeCommand.PASSWORD_ENV, "from-env"), Map.of(
                "POST /news/update", update("from-env")));

        assertEquals(Main.OK, fromFile.exit(), fromFile.err());
        assertTrue(fromFile.err().contains("updates: on for user admin"), fromFile.err());
        assertEquals(204, fromFile.answers().get("POST /news/update").statusCode());
        assertEquals(204, fromEnv.answers().get("POST /news/update").statusCode());
    }

    @Test
    void anEmptyOrMissingPasswordFileIsAnError() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty"), "\n");

        Run blank = serve(Map.of(), Map.of(), "--password-file", empty.toString());
        Run missing = serve(Map.of(), Map.of(), "--password-file", tmp.resolve("nope").toString());

        assertEquals(Main.ERROR, blank.exit());
        assertTrue(blank.err().contains("the first line is empty"), blank.err());
        assertEquals(Main.ERROR, missing.exit());
        assertTrue(missing.err().contains("cannot be read"), missing.err());
    }

    @Test
    void aBadTimeoutIsAUsageError() throws Exception {
        Run run = serve(Map.of(), Map.of(), "--timeout", "0");

        assertEquals(Main.ERROR, run.exit());
        assertTrue(run.err().contains("--timeout"), run.err());
    }

    @Test
    void theTripleLimitCutsAConstructAndTheQueueOptionsAreChecked() throws Exception {
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
        Run run = serve(Map.of(), Map.of("GET /news/sparql?query=" + java.net.URLEncoder.encode(construct, StandardCharsets.UTF_8),
                HttpRequest.newBuilder().header("Accept", "application/n-triples").GET()),
                "--triple-limit", "5", "--max-running", "1", "--max-running-per-client", "1");

        HttpResponse<String> cut = run.answers().values().iterator().next();
        assertEquals(200, cut.statusCode(), cut.body());
        assertEquals("5", cut.headers().firstValue("X-Newsgraph-Triple-Limit").orElse(""), cut.headers().toString());
        assertEquals(5, cut.body().lines().filter(l -> l.endsWith(" .")).count(), cut.body());
        for (String[] bad : new String[][] {{"--triple-limit", "0"}, {"--max-running", "0"}, {"--max-waiting", "-1"}}) {
            Run refused = serve(Map.of(), Map.of(), bad);
            assertEquals(Main.ERROR, refused.exit(), String.join(" ", bad));
            assertTrue(refused.err().contains(bad[0]), refused.err());
        }
    }

    @Test
    void aLockedDatabaseIsAnErrorNamingIt() throws IOException, Exception {
        Path db = tmp.resolve("db");
        try (GraphStore held = GraphStore.open(db)) {
            Run run = serve(Map.of(), Map.of(), "--db", db.toString());

            assertEquals(Main.ERROR, run.exit());
            assertTrue(run.err().contains("already open"), run.err());
        }
    }
}
