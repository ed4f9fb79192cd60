package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /queries}: the canned queries as JSON,
 * {@code [{"name", "title", "description", "params": [{"name", "type", "default", "description"}], "query"}]},
 * for the query page.
 */
final class QueryListServlet extends HttpServlet {

    private final String json;

    QueryListServlet(List<CannedQueries.Entry> queries) {
        this.json = CannedQueries.toJson(queries);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().print(json);
    }
}
