package org.newsgraph.transfer;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A real graph store other than Jena, running as a child process on a free loopback port, for
 * interop tests: push our store into it, then query it there. Start one per test class
 * ({@code @BeforeAll}) and close it in {@code @AfterAll}; it also dies with the JVM.
 *
 * <pre>{@code
 * try (SecondStore store = VirtuosoStore.start(tmpDir)) {
 *     GSP.service(store.gspUrl()).graphName(g).PUT(graph);
 *     QueryExecHTTP.service(store.queryUrl()).query("SELECT ...").select();
 * }
 * }</pre>
 *
 * <p>Both stores answer a query without FROM or GRAPH over the union of all named graphs, as
 * our Fuseki endpoint does (checked by {@code SecondStoresIT}); Virtuoso's union also holds
 * its own system graphs, see {@link #systemGraphs()}.
 */
public interface SecondStore extends AutoCloseable {

    /** Product and version, for messages and reports, e.g. "Virtuoso 7.2.5.3229". */
    String name();

    /** Graph Store Protocol service URL, without the {@code ?graph=} parameter the client adds. */
    String gspUrl();

    /** SPARQL 1.1 Update endpoint. */
    String updateUrl();

    /** SPARQL 1.1 query endpoint; it needs no credentials. */
    String queryUrl();

    /** Credentials for the update and GSP URLs; empty where the store accepts anonymous writes. */
    Optional<Credentials> credentials();

    /**
     * Graphs the store holds of its own from the start. They show up in the union default graph
     * and in {@code GRAPH ?g}, and {@link #clear()} keeps them.
     */
    Set<String> systemGraphs();

    /** Removes every graph a test wrote (all but {@link #systemGraphs()}), leaving the store running. */
    void clear();

    /** Stops the store process; its files go with the test's temporary folder. */
    @Override
    void close();

    /**
     * A user allowed to write, its password, and a file holding just the password (no newline),
     * for {@code push --user U --password-file F}. {@code scheme} is the HTTP scheme the store
     * challenges with ("Digest" or "Basic"); Jena's {@code AuthEnv} answers either.
     */
    record Credentials(String user, String password, Path passwordFile, String scheme) {
    }
}
