package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.Parameter;
import org.newsgraph.query.QueryCatalog;

/**
 * The canned queries, for the query page.
 *
 * <ul>
 * <li>{@code GET /queries}: {@code [{"name", "title", "description", "params": [{"name", "type",
 *     "default", "required", "description"}], "query"}]}, the query being the file's text.</li>
 * <li>{@code GET /queries/NAME?param=value...}: {@code {"name", "query"}}, the query with the
 *     values (and the defaults of the parameters not given) bound as RDF terms by
 *     {@link CannedQuery#bind}, after the file's leading comment lines; 400 with
 *     {@code {"error"}} for a bad or missing value, 404 for an unknown name.</li>
 * </ul>
 */
final class QueryListServlet extends HttpServlet {

    private final QueryCatalog catalog;
    private final String list;

    QueryListServlet(QueryCatalog catalog) {
        this.catalog = catalog;
        this.list = toJson(catalog);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            response.getWriter().print(list);
            return;
        }
        String name = path.substring(1);
        Optional<CannedQuery> query = catalog.find(name);
        if (query.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().println("{\"error\":" + Json.string("no canned query called '" + name + "'") + "}");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[0]));
        try {
            String bound = header(query.get().text()) + query.get().bind(values).sparql();
            response.getWriter().println("{\"name\":" + Json.string(name) + ",\"query\":" + Json.string(bound) + "}");
        } catch (NewsgraphException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().println("{\"error\":" + Json.string(e.getMessage()) + "}");
        }
    }

    /** The leading comment lines of a query file (its title and description), kept above the bound query. */
    private static String header(String text) {
        String comments = text.lines().takeWhile(l -> l.isBlank() || l.stripLeading().startsWith("#"))
                .filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
        return comments.isEmpty() ? "" : comments + "\n\n";
    }

    static String toJson(QueryCatalog catalog) {
        StringBuilder json = new StringBuilder("[");
        for (CannedQuery q : catalog.queries()) {
            json.append(json.length() > 1 ? ",\n" : "\n").append("{\"name\":").append(Json.string(q.name()))
                    .append(",\"title\":").append(Json.string(q.title()))
                    .append(",\"description\":").append(Json.string(q.description()))
                    .append(",\"params\":[");
            for (int i = 0; i < q.parameters().size(); i++) {
                Parameter p = q.parameters().get(i);
                json.append(i > 0 ? "," : "").append("{\"name\":").append(Json.string(p.name()))
                        .append(",\"type\":").append(Json.string(p.type().typeName()))
                        .append(",\"default\":").append(p.defaultValue().map(Json::string).orElse("null"))
                        .append(",\"required\":").append(p.isRequired())
                        .append(",\"description\":").append(Json.string(p.description())).append('}');
            }
            json.append("],\"query\":").append(Json.string(q.text())).append('}');
        }
        return json.append("\n]\n").toString();
    }
}
