package org.newsgraph.audit;

import java.util.List;
import java.util.Locale;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The audit of one store.
 *
 * @param articles the articles of the store
 * @param findings one per check, in a fixed order
 */
public record AuditReport(int articles, List<Finding> findings) {

    public AuditReport {
        findings = List.copyOf(findings);
    }

    /** The finding of the check {@code key}. */
    public Finding finding(String key) {
        return findings.stream().filter(f -> f.check().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + key));
    }

    /** For people: a heading per check with its count, its examples indented, and a hint. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Store audit: %,d articles%n", articles));
        for (Finding f : findings) {
            out.append(String.format(Locale.ROOT, "%n%s: %,d of %,d %s (%.2f%%)%n", f.title(), f.count(), f.of(),
                    f.ofWhat(), f.percent()));
            for (String e : f.examples()) {
                out.append("  ").append(e).append('\n');
            }
            if (f.examples().size() < f.count()) {
                out.append(String.format(Locale.ROOT, "  ... and %,d more%n", f.count() - f.examples().size()));
            }
            if (f.count() > 0) {
                out.append("  -> ").append(f.hint()).append('\n');
            }
        }
        return out.toString();
    }

    /** For scripts: the same as one JSON object. */
    public JsonObject json() {
        JsonObject root = new JsonObject();
        root.put("articles", articles);
        JsonArray checks = new JsonArray();
        for (Finding f : findings) {
            JsonObject o = new JsonObject();
            o.put("check", f.check());
            o.put("title", f.title());
            o.put("count", f.count());
            o.put("of", f.of());
            o.put("ofWhat", f.ofWhat());
            o.put("percent", org.apache.jena.atlas.json.JsonNumber.value(Math.round(f.percent() * 100) / 100.0));
            JsonArray examples = new JsonArray();
            f.examples().forEach(examples::add);
            o.put("examples", examples);
            o.put("hint", f.hint());
            checks.add(o);
        }
        root.put("checks", checks);
        return root;
    }
}
