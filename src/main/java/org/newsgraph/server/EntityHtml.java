package org.newsgraph.server;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/** The HTML pieces of {@link EntityPage}; every value goes through {@link Html#escape}. */
final class EntityHtml {

    private EntityHtml() {
    }

    interface Cells {
        List<String> of(Map<String, Node> row);
    }

    static String section(String title, String content) {
        return content.isEmpty() ? "" : "<h2>" + Html.escape(title) + "</h2>\n" + content;
    }

    /** A table of {@code rows}, or "" when there are none; identical rows shown once. */
    static String table(List<Map<String, Node>> rows, List<String> headings, Cells cells) {
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

    static String article(Map<String, Node> r) {
        Node a = r.get("article");
        if (a == null) {
            return "";
        }
        Node name = r.get("articleTitle") != null ? r.get("articleTitle") : r.get("articleId");
        return link(a, name);
    }

    /** A link to the entity page of {@code iri}, showing {@code label} (or the IRI's last part). */
    static String link(Node iri, Node label) {
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
    static String term(Node n) {
        if (n == null) {
            return "";
        }
        if (n.isURI()) {
            return "<a href=\"" + Html.entityHref(n.getURI()) + "\">" + Html.escape(n.getURI()) + "</a>";
        }
        return text(n);
    }

    static String external(String iri) {
        boolean web = iri.startsWith("http://") || iri.startsWith("https://");
        return web ? "<a rel=\"noopener noreferrer\" href=\"" + Html.escape(iri) + "\">" + Html.escape(iri) + "</a>"
                : Html.escape(iri);
    }

    /** The escaped lexical form of a literal, or the escaped IRI; "" for null. */
    static String text(Node n) {
        return Html.escape(lexical(n));
    }

    /** The lexical form of a literal, or the IRI, as it is: escape it where it goes into the page. */
    static String lexical(Node n) {
        if (n == null) {
            return "";
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    static String yes(Node n) {
        return n != null && n.isLiteral() && "true".equals(n.getLiteralLexicalForm()) ? "former" : "";
    }

    static String directness(Node n) {
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

    static void page(PrintWriter out, String title, String body) {
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
