package org.newsgraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.read.Article;
import org.newsgraph.store.GraphStore;

/** Hand-made article graphs shaped like the converter's, an annotator without models, and HTTP helpers. */
final class ServerFixtures {

    static final String BASE = IriMinter.DEFAULT_BASE;
    static final String KHALID = BASE + "person/khalid-maqbool-siddiqui";
    static final String MQM = BASE + "org/muttahida-qaumi-movement-pakistan";
    static final String KARACHI = BASE + "place/karachi";
    static final String EVIL = BASE + "person/evil";
    static final String EVIL_LABEL = "<script>alert('x')</script> Evil & Co";
    static final String MQM_ARTICLE = "mqm-rift";
    static final String EVIL_ARTICLE = "evil-article";

    /** Finds no sentences: the converter writes only the article node. */
    static final Annotator NO_NLP = (text, date) ->
            new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());

    static final String USER = "admin";
    static final String PASSWORD = "s3cret-for-tests";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerFixtures() {
    }

    /** A store in memory with two articles: the MQM one and one whose names are HTML. */
    static GraphStore sampleStore() {
        GraphStore store = GraphStore.inMemory();
        Article mqm = new Article(MQM_ARTICLE, Optional.of(LocalDate.of(2025, 2, 9)), Optional.of("Rifts resurface in MQM-P"),
                Optional.empty(), "Chairman Dr. Khalid Maqbool Siddiqui spoke.", MQM_ARTICLE + ".txt");
        store.put(mqm.id(), mqm.contentHash(), mqmGraph(mqm));
        Article evil = Article.of(EVIL_ARTICLE, LocalDate.of(2025, 3, 1), "Evil spoke.");
        store.put(evil.id(), evil.contentHash(), evilGraph(evil));
        return store;
    }

    private static List<Quad> mqmGraph(Article a) {
        Quads q = new Quads(a);
        Node article = q.graph;
        q.add(article, DCTerms.title, q.lit("Rifts resurface in MQM-P"));
        q.add(article, NG.publishedOn, q.date("2025-02-09"));
        Node khalid = q.iri(KHALID);
        Node mqm = q.iri(MQM);
        Node karachi = q.iri(KARACHI);
        q.add(article, NG.mentions, khalid);
        q.add(article, NG.mentions, mqm);
        q.add(article, NG.mentions, karachi);
        q.add(khalid, RDF.type, NG.Person);
        q.add(khalid, RDFS.label, q.lit("Khalid Maqbool Siddiqui"));
        q.add(mqm, RDF.type, NG.Organization);
        q.add(mqm, RDF.type, NG.PoliticalParty);
        q.add(mqm, RDFS.label, q.lit("Muttahida Qaumi Movement Pakistan"));
        q.add(mqm, SKOS.altLabel, q.lit("MQM-P"));
        q.add(mqm, OWL.sameAs, q.iri("http://www.wikidata.org/entity/Q1340497"));
        q.add(karachi, RDF.type, NG.Place);
        q.add(karachi, RDFS.label, q.lit("Karachi"));
        Node role = q.iri(article.getURI() + "/role/1");
        q.add(khalid, NG.holdsRole, role);
        q.add(role, RDF.type, NG.Role);
        q.add(role, NG.title, q.lit("chairman"));
        q.add(role, NG.inOrganization, mqm);
        q.add(role, NG.reportedOn, q.date("2025-02-09"));
        q.add(role, NG.sourceArticle, article);
        q.add(role, NG.sentence, q.lit("Chairman Dr. Khalid Maqbool Siddiqui spoke."));
        Node statement = q.iri(article.getURI() + "/statement/1");
        q.add(statement, RDF.type, NG.Statement);
        q.add(statement, NG.attributedTo, khalid);
        q.add(statement, NG.text, q.lit("We will contest every seat in the city"));
        q.add(statement, NG.direct, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        q.add(statement, NG.cue, q.lit("state"));
        q.add(statement, NG.sourceArticle, article);
        Node event = q.iri(article.getURI() + "/event/1");
        q.add(event, RDF.type, NG.Event);
        q.add(event, NG.trigger, q.lit("marched"));
        q.add(event, NG.occurredOn, q.date("2025-02-08"));
        q.add(event, NG.participant, mqm);
        q.add(event, NG.atPlace, karachi);
        q.add(event, NG.sourceArticle, article);
        return q.quads;
    }

    private static List<Quad> evilGraph(Article a) {
        return speakerGraph(a, EVIL, EVIL_LABEL, "<img src=x onerror=alert(1)>");
    }

    /** An article that mentions one person, {@code label}, and gives them one statement, {@code text}. */
    private static List<Quad> speakerGraph(Article a, String iri, String label, String text) {
        Quads q = new Quads(a);
        Node person = q.iri(iri);
        q.add(q.graph, NG.mentions, person);
        q.add(person, RDF.type, NG.Person);
        q.add(person, RDFS.label, q.lit(label));
        Node statement = q.iri(q.graph.getURI() + "/statement/1");
        q.add(statement, RDF.type, NG.Statement);
        q.add(statement, NG.attributedTo, person);
        q.add(statement, NG.text, q.lit(text));
        q.add(statement, NG.sourceArticle, q.graph);
        return q.quads;
    }

    /** A person whose name would run script if a page pasted it in as HTML. */
    static final String HOSTILE = BASE + "person/hostile";
    static final String HOSTILE_LABEL = "<script>window.__xss = 'label'</script>\"\"\" O'Hara & <b>عمران</b> 🙂";
    static final String HOSTILE_QUOTE = "<img src=x onerror=\"window.__xss = 'quote'\"> \"\"\" '><svg onload=window.__xss=1>";

    /**
     * Adds an article whose person's name and statement are HTML that sets {@code window.__xss}
     * when run, with quotes, Urdu and an emoji.
     */
    static void addHostileArticle(GraphStore store) {
        Article a = Article.of("hostile-article", LocalDate.of(2025, 3, 2), "Hostile spoke.");
        store.put(a.id(), a.contentHash(), speakerGraph(a, HOSTILE, HOSTILE_LABEL, HOSTILE_QUOTE));
    }

    /** Quads of one article's graph, starting with its type, id and hash. */
    private static final class Quads {
        final Node graph;
        final List<Quad> quads = new ArrayList<>();

        Quads(Article a) {
            graph = IriMinter.standard().article(a.id());
            add(graph, RDF.type, NG.Article);
            add(graph, NG.articleId, lit(a.id()));
            add(graph, NG.contentHash, lit(a.contentHash()));
        }

        void add(Node s, Property p, Node o) {
            quads.add(Quad.create(graph, s, p.asNode(), o));
        }

        void add(Node s, Property p, Resource o) {
            add(s, p, o.asNode());
        }

        Node iri(String iri) {
            return NodeFactory.createURI(iri);
        }

        Node lit(String s) {
            return NodeFactory.createLiteralString(s);
        }

        Node date(String d) {
            return NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate);
        }
    }

    // ---- HTTP

    static HttpRequest.Builder request(NewsServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
    }

    static HttpRequest.Builder withCredentials(HttpRequest.Builder b, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return b.header("Authorization", "Basic " + token);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(NewsServer server, String pathAndQuery, String accept) {
        return send(request(server, pathAndQuery).header("Accept", accept).GET());
    }

    static HttpResponse<String> post(NewsServer server, String path, String contentType, String body) {
        return send(request(server, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static String q(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
