package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Bounds what a Graph Store Protocol read ({@code GET} or {@code HEAD} on {@code /news/data} or
 * on the dataset) may take. One named graph is served when it holds at most {@code maxTriples}
 * triples, and answered 413 otherwise. The whole store (no {@code graph} parameter,
 * {@code ?default}, which is the union of all article graphs here, or the union graph's name)
 * only to the user, with credentials: 401 without them, 403 when the server has no password. A
 * copy of the whole store is {@code newsgraph export}'s work, which reads the database itself.
 */
final class DownloadGuard implements Filter {

    private static final String DATASET = "/" + NewsServer.DATASET;
    private static final Set<String> WHOLE_STORE_GRAPHS = Set.of("urn:x-arq:UnionGraph", "urn:x-arq:DefaultGraph");

    private final DatasetGraph dataset;
    private final long maxTriples;
    private final boolean writable;

    /** {@code writable}: whether the server has a password, and so a user who may have the whole store. */
    DownloadGuard(DatasetGraph dataset, long maxTriples, boolean writable) {
        this.dataset = dataset;
        this.maxTriples = maxTriples;
        this.writable = writable;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!isGraphStoreRead(request)) {
            chain.doFilter(req, res);
            return;
        }
        String graph = request.getParameter("graph");
        boolean wholeStore = graph == null || WHOLE_STORE_GRAPHS.contains(graph.strip());
        if (wholeStore) {
            if (!writable) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "the whole store is not served here; ask for one graph "
                        + "with ?graph=IRI, or copy the store with `newsgraph export`");
                return;
            }
            if (!hasCredentials(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"newsgraph\"");
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "the whole store is served to the user only; "
                        + "ask for one graph with ?graph=IRI, or give credentials");
                return;
            }
        } else {
            long size = triplesUpTo(graph.strip(), maxTriples + 1);
            if (size > maxTriples) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "graph <" + graph.strip() + "> holds more than "
                        + maxTriples + " triples, the most served at once; copy it with `newsgraph export`");
                return;
            }
        }
        chain.doFilter(req, res);
    }

    /** GET or HEAD of graphs: on {@code /news/data}, or on {@code /news} without a query. */
    private static boolean isGraphStoreRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(DATASET + "/data")) {
            return true; // below it, Fuseki serves nothing (404)
        }
        return (path.equals(DATASET) || path.equals(DATASET + "/")) && request.getParameter("query") == null;
    }

    private long triplesUpTo(String graph, long max) {
        Node name = NodeFactory.createURI(graph);
        return Txn.calculateRead(dataset, () -> Iter.count(Iter.limit(dataset.find(name, Node.ANY, Node.ANY, Node.ANY), max)));
    }

    /**
     * Whether the request carries the user's credentials: checked by Jetty's security handler,
     * which on a path open to anyone authenticates when asked for the principal (its deferred
     * login), and knows only the one user.
     */
    private static boolean hasCredentials(HttpServletRequest request) {
        return request.getUserPrincipal() != null;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
