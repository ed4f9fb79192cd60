package org.newsgraph.transfer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtuoso Open Source 7 from Debian ({@code apt-get install virtuoso-opensource-7-bin}, which
 * {@code .ci/run} does): {@code virtuoso-t} in the foreground on two free loopback ports (SQL and
 * HTTP) with a fresh database in a temporary folder, set up through {@code isql-vt}.
 *
 * <p>Writes need a SQL user holding the {@code SPARQL_UPDATE} role (without it Virtuoso answers
 * 500 "No permission to execute procedure DB.DBA.SPARQL_INSERT_DICT_CONTENT" to an update and
 * 403 to a GSP PUT), so the store creates one, {@value #USER}, with a random password; the
 * {@code dba} password is changed from the default too. Both write endpoints use HTTP Digest:
 * SPARQL Update on {@code /sparql-auth}, the Graph Store on {@code /sparql-graph-crud-auth}.
 * Queries go to the anonymous {@code /sparql}.
 */
public final class VirtuosoStore implements SecondStore {

    static final String USER = "newsgraph";
    private static final String ADMIN = "dba";
    private static final String INSTALL = "apt-get install -y --no-install-recommends virtuoso-opensource-7-bin";
    private static final Pattern VERSION = Pattern.compile("Version (\\d+\\.\\d+\\.\\d+(?:\\.\\d+)?)");
    /** What Virtuoso accepts in {@code <...>} inside isql's SPARQL; our tests' graph IRIs are plain. */
    private static final Pattern PLAIN_IRI = Pattern.compile("[^\\s<>\"{}|\\\\^`']+");

    private final String name;
    private final Path isql;
    private final int sqlPort;
    private final String base;
    private final Credentials credentials;
    private final ChildProcess process;
    private String adminPassword = ADMIN;
    private Set<String> systemGraphs = Set.of();

    private VirtuosoStore(String name, Path isql, int sqlPort, String base, Credentials credentials, ChildProcess process) {
        this.name = name;
        this.isql = isql;
        this.sqlPort = sqlPort;
        this.base = base;
        this.credentials = credentials;
        this.process = process;
    }

    /**
     * Starts a fresh Virtuoso in {@code parent}/virtuoso and returns once it answers queries and
     * accepts writes from {@link #credentials()}.
     *
     * @throws IllegalStateException if Virtuoso is not installed or does not come up in time
     */
    public static VirtuosoStore start(Path parent) {
        Path server = onPath("virtuoso-t");
        Path isql = onPath("isql-vt");
        String version = version(server);
        Path dir = ChildProcess.createDirectories(parent.resolve("virtuoso"));
        int sqlPort = ChildProcess.freePort();
        int httpPort = ChildProcess.freePort();
        ChildProcess.write(dir.resolve("virtuoso.ini"), ini(dir, sqlPort, httpPort));
        ChildProcess.createDirectories(dir.resolve("www"));
        String password = randomPassword();
        Path passwordFile = dir.resolve("password");
        ChildProcess.write(passwordFile, password);
        ChildProcess process = ChildProcess.start("Virtuoso", List.of(server.toString(), "+foreground",
                "+configfile", dir.resolve("virtuoso.ini").toString()), dir, dir.resolve("virtuoso.out"));
        String base = "http://127.0.0.1:" + httpPort;
        VirtuosoStore store = new VirtuosoStore("Virtuoso " + version, isql, sqlPort, base,
                new Credentials(USER, password, passwordFile, "Digest"), process);
        try {
            process.awaitHttp(URI.create(store.queryUrl() + "?query=ASK%7B%7D"), ChildProcess.STARTUP_TIMEOUT);
            store.setUp(password, randomPassword());
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return store;
    }

    private void setUp(String userPassword, String newAdminPassword) {
        sql("DB.DBA.USER_CREATE('" + USER + "', '" + userPassword + "');\n"
                + "GRANT SPARQL_UPDATE TO \"" + USER + "\";\n"
                + "SET PASSWORD \"" + ADMIN + "\" \"" + newAdminPassword + "\";\n");
        adminPassword = newAdminPassword;
        systemGraphs = Set.copyOf(graphs());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String gspUrl() {
        return base + "/sparql-graph-crud-auth";
    }

    @Override
    public String updateUrl() {
        return base + "/sparql-auth";
    }

    @Override
    public String queryUrl() {
        return base + "/sparql";
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.of(credentials);
    }

    @Override
    public Set<String> systemGraphs() {
        return systemGraphs;
    }

    @Override
    public void clear() {
        StringBuilder drops = new StringBuilder();
        for (String g : graphs()) {
            if (!systemGraphs.contains(g)) {
                drops.append("SPARQL DROP SILENT GRAPH <").append(plainIri(g)).append(">;\n");
            }
        }
        if (!drops.isEmpty()) {
            sql(drops.toString());
        }
    }

    @Override
    public void close() {
        process.stop();
    }

    /** Every graph holding a triple, as the administrator sees them (graph permissions aside). */
    private List<String> graphs() {
        return sql("SPARQL SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } };").stream()
                .filter(line -> !line.isBlank()).toList();
    }

    /**
     * Runs SQL as {@code dba} through isql and returns its output lines. isql exits 0 even when a
     * statement fails, so its error marker is what counts.
     */
    private List<String> sql(String statements) {
        List<String> command = List.of(isql.toString(), "127.0.0.1:" + sqlPort, ADMIN, adminPassword,
                "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT", "exec=" + statements);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(ChildProcess.STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw process.failure("isql-vt did not finish: " + statements);
            }
            if (p.exitValue() != 0 || out.contains("*** Error")) {
                throw process.failure("isql-vt failed (exit " + p.exitValue() + ") on\n" + statements + "\nwith\n" + out);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + isql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running isql-vt", e);
        }
    }

    /**
     * A minimal virtuoso.ini. [SPARQL] sets no DefaultGraph: without a default-graph-uri from
     * the client, a query's default graph is then the union of all graphs (DefaultGraph, when
     * set, only fills the query form: checked with 7.2.5, the union stays).
     */
    private static String ini(Path dir, int sqlPort, int httpPort) {
        return String.join("\n",
                "[Database]",
                "DatabaseFile = " + dir.resolve("virtuoso.db"),
                "ErrorLogFile = " + dir.resolve("virtuoso.log"),
                "LockFile = " + dir.resolve("virtuoso.lck"),
                "TransactionFile = " + dir.resolve("virtuoso.trx"),
                "xa_persistent_file = " + dir.resolve("virtuoso.pxa"),
                "ErrorLogLevel = 7",
                "FileExtend = 200",
                "MaxCheckpointRemap = 2000",
                "Striping = 0",
                "TempStorage = TempDatabase",
                "",
                "[TempDatabase]",
                "DatabaseFile = " + dir.resolve("virtuoso-temp.db"),
                "TransactionFile = " + dir.resolve("virtuoso-temp.trx"),
                "MaxCheckpointRemap = 2000",
                "Striping = 0",
                "",
                "[Parameters]",
                "ServerPort = 127.0.0.1:" + sqlPort,
                "DisableUnixSocket = 1",
                "MaxClientConnections = 10",
                "CheckpointInterval = 60",
                // About 80 MB of buffers: plenty for test data, light on a shared machine.
                "NumberOfBuffers = 10000",
                "MaxDirtyBuffers = 6000",
                "ThreadsPerQuery = 2",
                "AsyncQueueMaxThreads = 4",
                // Files that SQL (ld_dir, file_to_string) may read: only this folder.
                "DirsAllowed = ., " + dir,
                "",
                "[HTTPServer]",
                "ServerPort = 127.0.0.1:" + httpPort,
                "ServerRoot = " + dir.resolve("www"),
                "MaxClientConnections = 10",
                "ServerThreads = 10",
                "",
                "[SPARQL]",
                "ResultSetMaxRows = 1000000",
                "MaxQueryExecutionTime = 120",
                "");
    }

    private static String plainIri(String iri) {
        if (!PLAIN_IRI.matcher(iri).matches()) {
            throw new IllegalArgumentException("graph IRI with characters this fixture does not quote for isql: " + iri);
        }
        return iri;
    }

    private static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Virtuoso is not installed: no " + program + " on PATH (" + path
                + "). Install Debian's package: " + INSTALL + " (.ci/run does)");
    }

    /** "7.2.5.3229" from the banner of {@code virtuoso-t -?} (which exits 1 after printing it). */
    private static String version(Path server) {
        try {
            Process p = new ProcessBuilder(server.toString(), "-?").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String banner = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(banner);
            if (!m.find()) {
                throw new IllegalStateException(server + " printed no version: " + banner);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
