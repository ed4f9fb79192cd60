package org.newsgraph.server;

import static org.newsgraph.server.EntityHtml.article;
import static org.newsgraph.server.EntityHtml.directness;
import static org.newsgraph.server.EntityHtml.external;
import static org.newsgraph.server.EntityHtml.lexical;
import static org.newsgraph.server.EntityHtml.link;
import static org.newsgraph.server.EntityHtml.localName;
import static org.newsgraph.server.EntityHtml.page;
import static org.newsgraph.server.EntityHtml.section;
import static org.newsgraph.server.EntityHtml.table;
import static org.newsgraph.server.EntityHtml.term;
import static org.newsgraph.server.EntityHtml.text;
import static org.newsgraph.server.EntityHtml.yes;

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
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.newsgraph.rdf.NG;
import org.newsgraph.server.EntityHtml.Cells;
import org.newsgraph.query.RunningQueries;
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

    /** Rows of a section on one page; the next are a link away. */
    static final int PAGE_ROWS = 100;
    /** The furthest a page may start, so that OFFSET stays a number the store handles quickly. */
    private static final long MAX_OFFSET = 1_000_000;

    private final GraphStore store;
    private final Duration timeout;
    private final long timeoutMillis;
    private final RunningQueries running;

    /** Its queries are registered in {@code running}: stopped when the client goes or the server stops. */
    EntityPage(GraphStore store, Duration timeout, RunningQueries running) {
        this.store = store;
        this.timeout = timeout;
        this.timeoutMillis = timeout.toMillis();
        this.running = running;
    }

    /** The store and the cancel signal of one page's queries, and what to do once they are done. */
    private record Reads(DatasetGraph dsg, AtomicBoolean cancel, Runnable done) {
    }


    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String iri = request.getParameter("iri");
        String q = request.getParameter("q");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'none'; object-src 'none'");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/html;charset=utf-8");
        ClientConnection.Probe probe = ClientConnection.goneCheck(request);
        try (RunningQueries.Running page = running.start(timeout, probe)) {
            // Once the queries are done, no more checks of the connection (see ClientConnection).
            Reads reads = new Reads(store.dataset(), page.cancelSignal(), () -> probe.stopBeforeAnswer(response));
            if (iri != null && !iri.isBlank()) {
                String section = request.getParameter("section");
                long offset = offset(request.getParameter("offset"));
                if (offset < 0) {
                    probe.stopBeforeAnswer(response);
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    page(response.getWriter(), "Bad offset", "<p>offset must be a whole number from 0 to " + MAX_OFFSET + ".</p>");
                    return;
                }
                entity(iri.strip(), section == null || section.isBlank() ? null : section.strip(), offset, reads, response);
            } else {
                search(q == null ? "" : q.strip(), reads, response);
            }
        } catch (QueryCancelledException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            page(response.getWriter(), "Timed out", "<p>The queries for this page ran longer than "
                    + timeoutMillis + " ms.</p>");
        } finally {
            probe.stop();
        }
    }

    /** The offset asked for: 0 when none, -1 when it is not one. */
    private static long offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.strip());
            return n >= 0 && n <= MAX_OFFSET ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void entity(String iri, String section, long offset, Reads dsg, HttpServletResponse response) throws IOException {
        String problem;
        try {
            problem = IRIx.create(iri).isReference() ? null : "it has no scheme (such as https:)";
        } catch (IRIException ex) {
            problem = ex.getMessage();
        }
        if (problem != null) {
            dsg.done().run();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page(response.getWriter(), "Not an IRI", "<p><code>" + Html.escape(iri) + "</code> is not an absolute IRI: "
                    + Html.escape(problem) + "</p>" + searchForm(""));
            return;
        }
        Node e = NodeFactory.createURI(iri);
        String body = Txn.calculateRead(dsg.dsg(), () -> render(dsg, e, section, offset));
        String title = body == null ? null : title(dsg, e);
        dsg.done().run();
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            page(response.getWriter(), "Not found", "<p>The store says nothing about <code>" + Html.escape(iri)
                    + "</code>.</p>" + searchForm(""));
            return;
        }
        page(response.getWriter(), title, body);
    }

    private String title(Reads dsg, Node e) {
        return Txn.calculateRead(dsg.dsg(), () -> {
            List<Map<String, Node>> rows = select(dsg, EntityQueries.LABEL, e);
            return rows.isEmpty() ? localName(e.getURI()) : lexical(rows.get(0).get("l"));
        });
    }

    /** One table of the page: a query for it and how its rows show. */
    private record Section(String key, String title, String sparql, List<String> headings, Cells cells) {
    }

    /** The sections that page, in the order of the page. */
    private static List<Section> sections(Set<String> types) {
        List<Section> all = new ArrayList<>();
        if (types.contains(NG.Article.getURI())) {
            all.add(new Section("mentions", "Mentions", EntityQueries.MENTIONS, List.of("type", "entity"),
                    r -> List.of(text(r.get("type")), link(r.get("x"), r.get("label")))));
        }
        all.add(new Section("roles", "Roles held", EntityQueries.ROLES_HELD,
                List.of("reported", "title", "in", "former", "article", "sentence"),
                r -> List.of(text(r.get("reportedOn")), text(r.get("title")), link(r.get("where"), r.get("whereLabel")),
                        yes(r.get("former")), article(r), text(r.get("sentence")))));
        all.add(new Section("roles-in", "Roles held in it", EntityQueries.ROLES_IN,
                List.of("reported", "person", "title", "former", "article"),
                r -> List.of(text(r.get("reportedOn")), link(r.get("holder"), r.get("holderLabel")), text(r.get("title")),
                        yes(r.get("former")), article(r))));
        all.add(new Section("statements", "Statements", EntityQueries.STATEMENTS,
                List.of("published", "kind", "cue", "text", "article"),
                r -> List.of(text(r.get("published")), directness(r.get("direct")), text(r.get("cue")),
                        "<q>" + text(r.get("text")) + "</q>", article(r))));
        all.add(new Section("events", "Events", EntityQueries.EVENTS,
                List.of("when", "event", "place", "sentence", "article"),
                r -> List.of(text(r.get("occurredOn")), text(r.get("trigger")), link(r.get("place"), r.get("placeLabel")),
                        text(r.get("sentence")), article(r))));
        if (types.contains(NG.Person.getURI())) {
            all.add(new Section("duplicates", "Possible duplicates", EntityQueries.POSSIBLE_DUPLICATES,
                    List.of("person", "why", "articles"),
                    r -> List.of(link(r.get("x"), r.get("label")), text(r.get("why")), text(r.get("articles")))));
        }
        all.add(new Section("articles", "Mentioned in", EntityQueries.MENTIONED_IN, List.of("published", "article"),
                r -> List.of(text(r.get("published")), article(r))));
        return all;
    }

    /**
     * The page body, or null when the store has no triple with {@code e}: every section's first
     * {@value #PAGE_ROWS} rows, or, with {@code only}, that section's rows from {@code offset}.
     * In a read transaction.
     */
    private String render(Reads dsg, Node e, String only, long offset) {
        List<Map<String, Node>> out = select(dsg, EntityQueries.OUTGOING, e);
        List<Map<String, Node>> in = select(dsg, EntityQueries.INCOMING, e);
        if (out.isEmpty() && in.isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        html.append(header(dsg, e));
        for (Section section : sections(types(dsg, e))) {
            if (only != null && !only.equals(section.key())) {
                continue;
            }
            long from = only == null ? 0 : offset;
            // One row past the page tells whether there is a next one.
            List<Map<String, Node>> rows = select(dsg, section.sparql() + pageOf(section, from), e);
            boolean more = rows.size() > PAGE_ROWS;
            String table = table(more ? rows.subList(0, PAGE_ROWS) : rows, section.headings(), section.cells());
            if (only != null && rows.isEmpty()) {
                table = "<p>No rows from " + (from + 1) + " on.</p>";
            }
            html.append(section(section.title(), table + pager(e, section.key(), from, rows.size(), more, only != null)));
        }
        if (only != null && sections(types(dsg, e)).stream().noneMatch(x -> x.key().equals(only))) {
            html.append("<p>This page has no section ").append(Html.escape("'" + only + "'")).append(".</p>");
        }
        if (only == null) {
            html.append("<details><summary>Every triple about it</summary>")
                    .append(table(out, List.of("property", "value"), r -> List.of(term(r.get("p")), term(r.get("o")))))
                    .append(in.isEmpty() ? "" : "<h3>Pointing at it</h3>"
                            + table(in, List.of("subject", "property"), r -> List.of(term(r.get("s")), term(r.get("p")))))
                    .append("</details>");
        }
        return html.toString();
    }

    /** LIMIT and OFFSET for a page of a section; the possible duplicates have their own LIMIT. */
    private static String pageOf(Section section, long from) {
        return section.key().equals("duplicates") ? "" : "\nLIMIT " + (PAGE_ROWS + 1) + " OFFSET " + from;
    }

    private static String pager(Node e, String key, long from, int rows, boolean more, boolean alone) {
        if (!more && !alone) {
            return "";
        }
        String base = "/entity?iri=" + Html.param(e.getURI()) + "&amp;section=" + key + "&amp;offset=";
        StringBuilder p = new StringBuilder("<p class=\"pager\">");
        int shown = Math.min(rows, PAGE_ROWS);
        if (shown > 0) {
            p.append("rows ").append(from + 1).append("–").append(from + shown).append(' ');
        }
        if (from > 0) {
            p.append("<a href=\"").append(base).append(Math.max(0, from - PAGE_ROWS)).append("\">previous</a> ");
        }
        if (more) {
            p.append("<a href=\"").append(base).append(from + PAGE_ROWS).append("\">next</a> ");
        }
        if (alone) {
            p.append("<a href=\"/entity?iri=").append(Html.param(e.getURI())).append("\">the whole page</a>");
        }
        return p.append("</p>\n").toString();
    }

    private String header(Reads dsg, Node e) {
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

    private Set<String> types(Reads dsg, Node e) {
        Set<String> types = new LinkedHashSet<>();
        for (Map<String, Node> r : select(dsg, EntityQueries.TYPES, e)) {
            if (r.get("t").isURI()) {
                types.add(r.get("t").getURI());
            }
        }
        return types;
    }

    private void search(String q, Reads dsg, HttpServletResponse response) throws IOException {
        StringBuilder body = new StringBuilder(searchForm(q));
        if (!q.isEmpty()) {
            List<Map<String, Node>> rows = Txn.calculateRead(dsg.dsg(), () -> select(dsg, EntityQueries.SEARCH, Var.alloc("q"),
                    NodeFactory.createLiteralString(q)));
            dsg.done().run();
            body.append(rows.isEmpty() ? "<p>No entity has a name containing " + Html.escape("\"" + q + "\"") + ".</p>"
                    : table(rows, List.of("entity", "type"), r -> List.of(link(r.get("x"), r.get("label")), text(r.get("type")))));
        }
        page(response.getWriter(), q.isEmpty() ? "Find an entity" : "Entities named like " + q, body.toString());
    }

    private static String searchForm(String q) {
        return "<form action=\"/entity\" method=\"get\"><input name=\"q\" type=\"search\" placeholder=\"a name, or part of one\" value=\""
                + Html.escape(q) + "\"> <button type=\"submit\">Find</button></form>\n";
    }

    private List<Map<String, Node>> select(Reads dsg, String sparql, Node e) {
        return select(dsg, sparql, Var.alloc("e"), e);
    }

    private List<Map<String, Node>> select(Reads dsg, String sparql, Var var, Node value) {
        List<Map<String, Node>> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg.dsg()).query(sparql).substitution(var, value)
                .set(ARQConstants.symCancelQuery, dsg.cancel()).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
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

}
