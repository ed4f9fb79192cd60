package org.newsgraph.transfer;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.newsgraph.error.BadInputException;

/**
 * A graph store to push to, over SPARQL 1.1.
 *
 * @param endpoint      the Graph Store Protocol service ({@link Protocol#GSP}, e.g. Fuseki's
 *                      {@code /ds/data}, RDF4J's {@code /repositories/ID/rdf-graphs/service},
 *                      Virtuoso's {@code /sparql-graph-crud-auth}) or the SPARQL Update endpoint
 *                      ({@link Protocol#UPDATE})
 * @param protocol      how graphs are written
 * @param queryEndpoint where to count what arrived, for the update protocol; with the Graph Store
 *                      Protocol the graphs are read back from {@code endpoint} when this is empty
 * @param credentials   user and password, sent by HTTP Basic or Digest as the store asks
 */
public record PushTarget(URI endpoint, Protocol protocol, Optional<URI> queryEndpoint, Optional<Credentials> credentials) {

    public PushTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(queryEndpoint, "queryEndpoint");
        Objects.requireNonNull(credentials, "credentials");
        requireHttp(endpoint);
        queryEndpoint.ifPresent(PushTarget::requireHttp);
    }

    /** A Graph Store Protocol target without credentials. */
    public static PushTarget gsp(URI endpoint) {
        return new PushTarget(endpoint, Protocol.GSP, Optional.empty(), Optional.empty());
    }

    public PushTarget withCredentials(String user, String password) {
        return new PushTarget(endpoint, protocol, queryEndpoint, Optional.of(new Credentials(user, password)));
    }

    private static void requireHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new BadInputException("endpoint " + uri + " is not an http(s) URL");
        }
    }

    /** How graphs reach the store. */
    public enum Protocol {
        /** SPARQL 1.1 Graph Store Protocol: one {@code PUT} per graph, which replaces it. */
        GSP,
        /** SPARQL 1.1 Update: {@code DROP SILENT GRAPH} and {@code INSERT DATA}, several graphs per request. */
        UPDATE;

        /** {@code "gsp"} or {@code "update"}. */
        public static Protocol named(String name) {
            for (Protocol p : values()) {
                if (p.name().equalsIgnoreCase(name.strip())) {
                    return p;
                }
            }
            throw new BadInputException("unknown protocol '" + name + "'; choose gsp or update");
        }
    }

    /** A user and a password; {@link #toString()} keeps the password out of logs. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
