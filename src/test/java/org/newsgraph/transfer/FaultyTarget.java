package org.newsgraph.transfer;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A real SPARQL store to push into (Fuseki, in memory, on a free loopback port) whose writes can
 * be made to fail: every write after the first {@code n}, the first try of every write, or every
 * write of one graph.
 */
public final class FaultyTarget implements AutoCloseable {

    public final DatasetGraph data = DatasetGraphFactory.createTxnMem();
    public final AtomicInteger writes = new AtomicInteger();
    private final FusekiServer server;
    private volatile int failWritesAfter = Integer.MAX_VALUE;
    private volatile int failStatus = 503;
    private volatile boolean failEveryFirstTry;
    private volatile String rejectGraph;
    private volatile boolean lastTryFailed;
    private volatile long delayMillis;

    public FaultyTarget() {
        server = FusekiServer.create().port(0).loopback(true)
                .add("/ds", data, true)
                .addFilter("/ds/*", new Faults())
                .build().start();
    }

    public URI gsp() {
        return URI.create("http://localhost:" + server.getHttpPort() + "/ds/data");
    }

    URI update() {
        return URI.create("http://localhost:" + server.getHttpPort() + "/ds/update");
    }

    URI query() {
        return URI.create("http://localhost:" + server.getHttpPort() + "/ds/sparql");
    }

    /** Writes after the first {@code n} get {@code status}. */
    void failWritesAfter(int n, int status) {
        failWritesAfter = n;
        failStatus = status;
    }

    /** Every write waits {@code millis} first: a slow store, so that a push can be caught halfway. */
    public void slowWrites(long millis) {
        delayMillis = millis;
    }

    void failEveryFirstTry() {
        failEveryFirstTry = true;
    }

    /** PUTs of graph {@code iri} get HTTP 400. */
    void reject(String iri) {
        rejectGraph = iri;
    }

    void heal() {
        failWritesAfter = Integer.MAX_VALUE;
        failEveryFirstTry = false;
        rejectGraph = null;
    }

    @Override
    public void close() {
        server.stop();
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private final class Faults implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            boolean write = http.getMethod().equals("PUT") || http.getRequestURI().endsWith("/update");
            if (write) {
                if (rejectGraph != null && rejectGraph.equals(http.getParameter("graph"))) {
                    response.sendError(400, "this store does not like that graph");
                    return;
                }
                if (writes.get() >= failWritesAfter) {
                    response.sendError(failStatus, "made to fail");
                    return;
                }
                if (failEveryFirstTry) {
                    synchronized (this) {
                        lastTryFailed = !lastTryFailed;
                        if (lastTryFailed) {
                            response.sendError(503, "busy, try again");
                            return;
                        }
                    }
                }
                pause();
                writes.incrementAndGet();
            }
            chain.doFilter(req, res);
        }
    }
}
