package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.newsgraph.store.GraphStore;

/**
 * {@code GET /healthz}: 200 and {@code {"status":"ok","articles":N,"triples":T}} while the store
 * answers; 503 and {@code {"status":"error","message":...}} when it does not. Counting triples
 * reads every article graph, so this is meant for a probe every few seconds, not a tight loop.
 */
final class HealthServlet extends HttpServlet {

    private final GraphStore store;

    HealthServlet(GraphStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        String json;
        try {
            json = "{\"status\":\"ok\",\"articles\":" + store.articleIds().size() + ",\"triples\":" + store.tripleCount() + "}";
        } catch (RuntimeException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            json = "{\"status\":\"error\",\"message\":" + Json.string(String.valueOf(e.getMessage())) + "}";
        }
        response.getWriter().println(json);
    }
}
