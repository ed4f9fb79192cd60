package org.newsgraph.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDF4J Server (the {@code rdf4j-http-server} war from Maven Central) under Jetty 9's
 * {@code jetty-runner}, in a child JVM on a free loopback port, with one in-memory repository
 * {@value #REPOSITORY} created through the REST API. Maven's {@code pre-integration-test} phase
 * copies both files into {@code target/second-stores} and failsafe passes their paths as the
 * system properties {@value #WAR_PROPERTY} and {@value #RUNNER_PROPERTY}, so no network is needed
 * while tests run.
 *
 * <p>The server as shipped has no authentication: anyone who reaches the port may write, so
 * {@link #credentials()} is empty (the store listens on 127.0.0.1 only). SPARQL Update goes to
 * {@code /repositories/ID/statements}, the Graph Store to {@code /repositories/ID/rdf-graphs/service},
 * queries to {@code /repositories/ID}.
 */
public final class Rdf4jServerStore implements SecondStore {

    static final String REPOSITORY = "newsgraph";
    static final String WAR_PROPERTY = "newsgraph.rdf4j-server.war";
    static final String RUNNER_PROPERTY = "newsgraph.jetty-runner.jar";
    private static final Pattern WAR_VERSION = Pattern.compile("rdf4j-http-server-(.+)\\.war");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An in-memory store without persistence: the repository lives as long as the process. */
    private static final String REPOSITORY_CONFIG = """
            @prefix config: <tag:rdf4j.org,2023:config/> .
            [] a config:Repository ;
               config:rep.id "%s" ;
               config:rep.impl [
                  config:rep.type "openrdf:SailRepository" ;
                  config:sail.impl [ config:sail.type "openrdf:MemoryStore" ]
               ] .
            """.formatted(REPOSITORY);

    private final String name;
    private final String repository;
    private final ChildProcess process;

    private Rdf4jServerStore(String name, String server, ChildProcess process) {
        this.name = name;
        this.repository = server + "/repositories/" + REPOSITORY;
        this.process = process;
    }

    /**
     * Starts RDF4J Server in {@code parent}/rdf4j and returns once its repository exists.
     *
     * @throws IllegalStateException if the war or the runner is missing or the server does not come up in time
     */
    public static Rdf4jServerStore start(Path parent) {
        Path war = copiedByMaven(WAR_PROPERTY, "RDF4J Server's war");
        Path runner = copiedByMaven(RUNNER_PROPERTY, "jetty-runner");
        Matcher version = WAR_VERSION.matcher(war.getFileName().toString());
        String name = "RDF4J Server " + (version.matches() ? version.group(1) : war.getFileName());
        Path dir = ChildProcess.createDirectories(parent.resolve("rdf4j"));
        Path tmp = ChildProcess.createDirectories(dir.resolve("tmp"));
        int port = ChildProcess.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The server keeps repositories and its own logs under appdata; Jetty unpacks the war into
        // tmp. jetty-runner has no SLF4J binding: StdErrLog puts Jetty's own messages (a war that
        // fails to deploy) into jetty.out, which a failure message quotes.
        ChildProcess process = ChildProcess.start(name, List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.eclipse.jetty.util.log.class=org.eclipse.jetty.util.log.StdErrLog",
                "-Dorg.eclipse.rdf4j.appdata.basedir=" + dir.resolve("appdata"), "-Djava.io.tmpdir=" + tmp,
                "-jar", runner.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--path", "/rdf4j-server", war.toString()), dir, dir.resolve("jetty.out"));
        Rdf4jServerStore store = new Rdf4jServerStore(name, "http://127.0.0.1:" + port + "/rdf4j-server", process);
        try {
            process.awaitHttp(URI.create("http://127.0.0.1:" + port + "/rdf4j-server/protocol"), ChildProcess.STARTUP_TIMEOUT);
            store.send(HttpRequest.newBuilder(URI.create(store.repository)).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString(REPOSITORY_CONFIG)), "create repository " + REPOSITORY);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return store;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String gspUrl() {
        return repository + "/rdf-graphs/service";
    }

    @Override
    public String updateUrl() {
        return repository + "/statements";
    }

    @Override
    public String queryUrl() {
        return repository;
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.empty();
    }

    @Override
    public Set<String> systemGraphs() {
        return Set.of();
    }

    /** Deletes every statement of the repository (all graphs), as the REST API's DELETE does. */
    @Override
    public void clear() {
        send(HttpRequest.newBuilder(URI.create(updateUrl())).DELETE(), "clear repository " + REPOSITORY);
    }

    @Override
    public void close() {
        process.stop();
    }

    private void send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw process.failure(name + ": " + what + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw process.failure(name + ": " + what + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }

    private static Path copiedByMaven(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException(what + " not found (system property " + property + " = " + value
                    + "): Maven's pre-integration-test phase copies it into target/second-stores and failsafe"
                    + " sets the property; run the test through Maven, e.g. mvn verify -Dit.test=SecondStoresIT");
        }
        return Path.of(value);
    }
}
