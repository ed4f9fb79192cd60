package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/**
 * {@code GET /entity?iri=IRI}: what the store knows about one person, organization, party,
 * place or article, on one HTML page: names, types, {@code owl:sameAs} links, the roles a person
 * holds and the roles held in an organization or place (oldest report first), statements,
 * events, the articles that mention it, and every triple about it. {@code GET /entity?q=NAME}
 * lists the entities whose name contains NAME.
 *
 * <p>Everything comes from SPARQL over the union of all article graphs, in one read
 * transaction, with the server's query timeout. Every piece of data is escaped, and the page
 * runs no script (its Content-Security-Policy allows none).
 */
final class EntityPage extends HttpServlet {

    private final GraphStore store;
    private final long timeoutMillis;

    EntityPage(GraphStore store, Duration timeout) {
        this.store = store;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String iri = request.getParameter("iri");
        String q = request.getParameter("q");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'none'; object-src 'none'");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/html;charset=utf-8");
        try {
            if (iri != null && !iri.isBlank()) {
                entity(iri.strip(), response);
            } else {
                search(q == null ? "" : q.strip(), response);
            }
        } catch (QueryCancelledException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            page(response.getWriter(), "Timed out", "<p>The queries for this page ran longer than "
                    + timeoutMillis + " ms.</p>");
        }
    }

    private void entity(String iri, HttpServletResponse response) throws IOException {
        String problem;
        try {
            problem = IRIx.create(iri).isReference() ? null : "it has no scheme (such as https:)";
        } catch (IRIException ex) {
            problem = ex.getMessage();
        }
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page(response.getWriter(), "Not an IRI", "<p><code>" + Html.escape(iri) + "</code> is not an absolute IRI: "
                    + Html.escape(problem) + "</p>" + searchForm(""));
            return;
        }
        Node e = NodeFactory.createURI(iri);
        DatasetGraph dsg = store.dataset();
        String body = Txn.calculateRead(dsg, () -> render(dsg, e));
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            page(response.getWriter(), "Not found", "<p>The store says nothing about <code>" + Html.escape(iri)
                    + "</code>.</p>" + searchForm(""));
            return;
        }
        page(response.getWriter(), title(dsg, e), body);
    }

    private String title(DatasetGraph dsg, Node e) {
        return Txn.calculateRead(dsg, () -> {
            List<Map<String, Node>> rows = select(dsg, EntityQueries.LABEL, e);
            return rows.isEmpty() ? localName(e.getURI()) : lexical(rows.get(0).get("l"));
        });
    }

    /** The page body, or null when the store has no triple with {@code e}. In a read transaction. */
    private String render(DatasetGraph dsg, Node e) {
        List<Map<String, Node>> out = select(dsg, EntityQueries.OUTGOING, e);
        List<Map<String, Node>> in = select(dsg, EntityQueries.INCOMING, e);
        if (out.isEmpty() && in.isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        html.append(header(dsg, e));
        Set<String> types = types(dsg, e);
        if (types.contains(NG.Article.getURI())) {
            html.append(section("Mentions", table(select(dsg, EntityQueries.MENTIONS, e), List.of("type", "entity"),
                    r -> List.of(text(r.get("type")), link(r.get("x"), r.get("label"))))));
        }
        html.append(section("Roles held", table(select(dsg, EntityQueries.ROLES_HELD, e),
                List.of("reported", "title", "in", "former", "article", "sentence"),
                r -> List.of(text(r.get("reportedOn")), text(r.get("title")), link(r.get("where"), r.get("whereLabel")),
                        yes(r.get("former")), article(r), text(r.get("sentence"))))));
        html.append(section("Roles held in it", table(select(dsg, EntityQueries.ROLES_IN, e),
                List.of("reported", "person", "title", "former", "article"),
                r -> List.of(text(r.get("reportedOn")), link(r.get("holder"), r.get("holderLabel")), text(r.get("title")),
                        yes(r.get("former")), article(r)))));
        html.append(section("Statements", table(select(dsg, EntityQueries.STATEMENTS, e),
                List.of("published", "kind", "cue", "text", "article"),
                r -> List.of(text(r.get("published")), directness(r.get("direct")), text(r.get("cue")),
                        "<q>" + text(r.get("text")) + "</q>", article(r)))));
        html.append(section("Events", table(select(dsg, EntityQueries.EVENTS, e),
                List.of("when", "event", "place", "sentence", "article"),
                r -> List.of(text(r.get("occurredOn")), text(r.get("trigger")), link(r.get("place"), r.get("placeLabel")),
                        text(r.get("sentence")), article(r)))));
        if (types.contains(NG.Person.getURI())) {
            html.append(section("Possible duplicates", table(select(dsg, EntityQueries.POSSIBLE_DUPLICATES, e),
                    List.of("person", "why", "articles"),
                    r -> List.of(link(r.get("x"), r.get("label")), text(r.get("why")), text(r.get("articles"))))));
        }
        html.append(section("Mentioned in", table(select(dsg, EntityQueries.MENTIONED_IN, e),
                List.of("published", "article"),
                r -> List.of(text(r.get("published")), article(r)))));
        html.append("<details><summary>Every triple about it</summary>")
                .append(table(out, List.of("property", "value"), r -> List.of(term(r.get("p")), term(r.get("o")))))
                .append(in.isEmpty() ? "" : "<h3>Pointing at it</h3>"
                        + table(in, List.of("subject", "property"), r -> List.of(term(r.get("s")), term(r.get("p")))))
                .append("</details>");
        return html.toString();
    }

    private String header(DatasetGraph dsg, Node e) {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> alts = new LinkedHashSet<>();
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> same = new LinkedHashSet<>();
        for (Map<String, Node> r : select(dsg, EntityQueries.ABOUT, e)) {
            if (r.get("label") != null) {
                labels.add(lexical(r.get("label")));
            }
            if (r.get("alt") != null) {
                alts.add(lexical(r.get("alt")));
            }
            if (r.get("type") != null && r.get("type").isURI()) {
                String t = r.get("type").getURI();
                Node tl = r.get("typeLabel");
                if (tl != null && (tl.getLiteralLanguage().isEmpty() || tl.getLiteralLanguage().equals("en"))) {
                    types.put(t, lexical(tl));
                } else {
                    types.putIfAbsent(t, localName(t));
                }
            }
            if (r.get("same") != null && r.get("same").isURI()) {
                same.add(r.get("same").getURI());
            }
        }
        alts.removeAll(labels);
        StringBuilder h = new StringBuilder();
        String name = labels.isEmpty() ? localName(e.getURI()) : labels.iterator().next();
        h.append("<h1>").append(Html.escape(name)).append("</h1>\n");
        h.append("<p class=\"iri\"><code>").append(Html.escape(e.getURI())).append("</code></p>\n<dl>");
        if (!types.isEmpty()) {
            h.append("<dt>type</dt><dd>").append(Html.escape(String.join(", ", new LinkedHashSet<>(types.values()))))
                    .append("</dd>");
        }
        if (labels.size() > 1) {
            h.append("<dt>names</dt><dd>").append(Html.escape(String.join(", ", labels))).append("</dd>");
        }
        if (!alts.isEmpty()) {
            h.append("<dt>other names</dt><dd>").append(Html.escape(String.join(", ", alts))).append("</dd>");
        }
        for (String s : same) {
            h.append("<dt>same as</dt><dd>").append(external(s)).append("</dd>");
        }
        return h.append("</dl>\n").toString();
    }

    private Set<String> types(DatasetGraph dsg, Node e) {
        Set<String> types = new LinkedHashSet<>();
        for (Map<String, Node> r : select(dsg, EntityQueries.TYPES, e)) {
            if (r.get("t").isURI()) {
                types.add(r.get("t").getURI());
            }
        }
        return types;
    }

    private void search(String q, HttpServletResponse response) throws IOException {
        StringBuilder body = new StringBuilder(searchForm(q));
        if (!q.isEmpty()) {
            DatasetGraph dsg = store.dataset();
            List<Map<String, Node>> rows = Txn.calculateRead(dsg, () -> select(dsg, EntityQueries.SEARCH, Var.alloc("q"),
                    NodeFactory.createLiteralString(q)));
            body.append(rows.isEmpty() ? "<p>No entity has a name containing " + Html.escape("\"" + q + "\"") + ".</p>"
                    : table(rows, List.of("entity", "type"), r -> List.of(link(r.get("x"), r.get("label")), text(r.get("type")))));
        }
        page(response.getWriter(), q.isEmpty() ? "Find an entity" : "Entities named like " + q, body.toString());
    }

    private static String searchForm(String q) {
        return "<form action=\"/entity\" method=\"get\"><input name=\"q\" type=\"search\" placeholder=\"a name, or part of one\" value=\""
                + Html.escape(q) + "\"> <button type=\"submit\">Find</button></form>\n";
    }

    private List<Map<String, Node>> select(DatasetGraph dsg, String sparql, Node e) {
        return select(dsg, sparql, Var.alloc("e"), e);
    }

    private List<Map<String, Node>> select(DatasetGraph dsg, String sparql, Var var, Node value) {
        List<Map<String, Node>> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(sparql).substitution(var, value)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
            RowSet rs = exec.select();
            List<Var> vars = rs.getResultVars();
            while (rs.hasNext()) {
                Binding b = rs.next();
                Map<String, Node> row = new LinkedHashMap<>();
                for (Var v : vars) {
                    row.put(v.getVarName(), b.get(v));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    // ---- HTML pieces; every value goes through Html.escape.

    private interface Cells {
        List<String> of(Map<String, Node> row);
    }

    private static String section(String title, String content) {
        return content.isEmpty() ? "" : "<h2>" + Html.escape(title) + "</h2>\n" + content;
    }

    /** A table of {@code rows}, or "" when there are none; identical rows shown once. */
    private static String table(List<Map<String, Node>> rows, List<String> headings, Cells cells) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<table>\n<thead><tr>");
        headings.forEach(h -> t.append("<th>").append(Html.escape(h)).append("</th>"));
        t.append("</tr></thead>\n<tbody>\n");
        Set<List<String>> seen = new LinkedHashSet<>();
        for (Map<String, Node> row : rows) {
            seen.add(cells.of(row));
        }
        for (List<String> row : seen) {
            t.append("<tr>");
            row.forEach(c -> t.append("<td>").append(c).append("</td>"));
            t.append("</tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    private static String article(Map<String, Node> r) {
        Node a = r.get("article");
        if (a == null) {
            return "";
        }
        Node name = r.get("articleTitle") != null ? r.get("articleTitle") : r.get("articleId");
        return link(a, name);
    }

    /** A link to the entity page of {@code iri}, showing {@code label} (or the IRI's last part). */
    private static String link(Node iri, Node label) {
        if (iri == null) {
            return "";
        }
        if (!iri.isURI()) {
            return text(iri);
        }
        String shown = label != null ? text(label) : Html.escape(localName(iri.getURI()));
        return "<a href=\"" + Html.entityHref(iri.getURI()) + "\">" + shown + "</a>";
    }

    /** An RDF term: IRIs as links to their entity page, literals as text. */
    private static String term(Node n) {
        if (n == null) {
            return "";
        }
        if (n.isURI()) {
            return "<a href=\"" + Html.entityHref(n.getURI()) + "\">" + Html.escape(n.getURI()) + "</a>";
        }
        return text(n);
    }

    private static String external(String iri) {
        boolean web = iri.startsWith("http://") || iri.startsWith("https://");
        return web ? "<a rel=\"noopener noreferrer\" href=\"" + Html.escape(iri) + "\">" + Html.escape(iri) + "</a>"
                : Html.escape(iri);
    }

    /** The escaped lexical form of a literal, or the escaped IRI; "" for null. */
    private static String text(Node n) {
        return Html.escape(lexical(n));
    }

    /** The lexical form of a literal, or the IRI, as it is: escape it where it goes into the page. */
    private static String lexical(Node n) {
        if (n == null) {
            return "";
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    private static String yes(Node n) {
        return n != null && n.isLiteral() && "true".equals(n.getLiteralLexicalForm()) ? "former" : "";
    }

    private static String directness(Node n) {
        if (n == null || !n.isLiteral()) {
            return "";
        }
        return "true".equals(n.getLiteralLexicalForm()) ? "quote" : "reported";
    }

    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        String tail = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        return tail.replace('-', ' ');
    }

    private static void page(PrintWriter out, String title, String body) {
        out.print("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""");
        out.print(Html.escape(title) + " · newsgraph");
        out.print("""
                </title>
                <link rel="stylesheet" href="/newsgraph.css">
                </head><body class="entity">
                <nav><a href="/">Query page</a> · <a href="/entity">Find an entity</a></nav>
                <main>
                """);
        out.print(body);
        out.print("\n</main></body></html>\n");
        out.flush();
    }
}
