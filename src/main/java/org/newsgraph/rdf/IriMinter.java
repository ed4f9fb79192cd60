package org.newsgraph.rdf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.EntityKind;
import org.newsgraph.extract.Names;

/**
 * Makes every IRI newsgraph writes, from one base. Entity IRIs depend only on the entity's
 * kind and normalized name, so the same name in two articles is the same node without a
 * look-up. An article's IRI, which also names its graph, ends in the article id.
 *
 * @param base the base IRI, ending in "/" or "#"
 */
public record IriMinter(String base) {

    public static final String DEFAULT_BASE = "https://w3id.org/newsgraph/";

    public IriMinter {
        if (base == null || !(base.endsWith("/") || base.endsWith("#"))) {
            throw new IllegalArgumentException("base IRI must end in '/' or '#': " + base);
        }
    }

    public static IriMinter standard() {
        return new IriMinter(DEFAULT_BASE);
    }

    /** The article node, which is also the name of the article's graph. */
    public Node article(String articleId) {
        return NodeFactory.createURI(base + "article/" + segment(articleId));
    }

    public Node entity(Entity e) {
        String kind = e.kind() == EntityKind.PERSON ? "person" : e.kind() == EntityKind.ORGANIZATION ? "org" : "place";
        return NodeFactory.createURI(base + kind + "/" + slug(e.label()));
    }

    /** The n-th fact of a kind ("role", "statement", "event") in an article. */
    public Node fact(String articleId, String kind, int n) {
        return NodeFactory.createURI(base + "article/" + segment(articleId) + "/" + kind + "/" + n);
    }

    /** "Ann Moore" is "ann-moore"; a name with no letters or digits gets a digest. */
    static String slug(String name) {
        String key = Names.key(name).replace(' ', '-');
        return key.isEmpty() ? "x" + sha256(name).substring(0, 16) : segment(key);
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
