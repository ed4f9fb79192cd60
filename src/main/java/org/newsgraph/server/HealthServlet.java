package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.newsgraph.store.GraphStore;

/**
 * {@code GET /healthz}: 200 and {@code {"status":"ok","articles":N,"triples":T}} while the store
 * answers; 503 and {@code {"status":"error","message":...}} when it does not. The counts are
 * {@link StoreCounts}': counted again in the background when the store has changed, so an answer
 * takes constant time; {@code "stale":true} says the store changed since they were counted.
 */
final class HealthServlet extends HttpServlet {

    /** How long a probe waits for a count of a changed store before it takes the last one. */
    private static final long WAIT_FOR_COUNT_MILLIS = 200;

    private final transient ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsgraph-health-count");
        t.setDaemon(true);
        return t;
    });
    private final transient StoreCounts counts;

    HealthServlet(GraphStore store) {
        this.counts = new StoreCounts(store, counter, WAIT_FOR_COUNT_MILLIS);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        String json;
        try {
            StoreCounts.Answer a = counts.now();
            json = "{\"status\":\"ok\",\"articles\":" + a.counts().articles() + ",\"triples\":" + a.counts().triples()
                    + (a.stale() ? ",\"stale\":true" : "") + "}";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            json = "{\"status\":\"error\",\"message\":\"the server is stopping\"}";
        } catch (RuntimeException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            json = "{\"status\":\"error\",\"message\":" + Json.string(String.valueOf(e.getMessage())) + "}";
        }
        response.getWriter().println(json);
    }

    @Override
    public void destroy() {
        counter.shutdownNow();
    }
}
