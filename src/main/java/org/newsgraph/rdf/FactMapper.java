package org.newsgraph.rdf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Objects;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import org.newsgraph.extract.ArticleFacts;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.EventFact;
import org.newsgraph.extract.Evidence;
import org.newsgraph.extract.Fact;
import org.newsgraph.extract.RoleFact;
import org.newsgraph.extract.StatementFact;
import org.newsgraph.extract.TimeValue;
import org.newsgraph.read.Article;

/**
 * The map stage: writes one article's facts as quads of the article's own named graph into
 * a {@link StreamRDF}, so the same mapping feeds a file, a store or an HTTP response. Every
 * entity the facts use is typed and labelled inside the graph, and every fact carries its
 * provenance: source article, sentence, character offsets and confidence.
 */
public final class FactMapper {

    private static final String WIKIDATA = "http://www.wikidata.org/entity/";

    private final IriMinter iris;

    private FactMapper(IriMinter iris) {
        this.iris = Objects.requireNonNull(iris, "iris");
    }

    public static FactMapper create(IriMinter iris) {
        return new FactMapper(iris);
    }

    /** Sends the quads of {@code facts} to {@code out}; the caller starts and finishes the stream. */
    public void map(ArticleFacts facts, StreamRDF out) {
        Article article = facts.article();
        Node graph = iris.article(article.id());
        Emitter emit = new Emitter(graph, out);
        emit.add(graph, RDF.type, NG.Article);
        emit.literal(graph, NG.articleId, article.id());
        article.date().ifPresent(d -> emit.typed(graph, NG.publishedOn, d.toString(), XSDDatatype.XSDdate));
        article.title().ifPresent(t -> emit.literal(graph, DCTerms.title, t));
        article.url().filter(FactMapper::isAbsoluteIri).ifPresent(u -> emit.add(graph, SchemaDO.url, NodeFactory.createURI(u)));
        emit.literal(graph, NG.contentHash, article.contentHash());

        for (Entity e : facts.entities()) {
            Node node = iris.entity(e);
            emit.add(graph, NG.mentions, node);
            emit.add(node, RDF.type, switch (e.kind()) {
                case PERSON -> NG.Person;
                case ORGANIZATION -> NG.Organization;
                case PLACE -> NG.Place;
            });
            if (e.party()) {
                emit.add(node, RDF.type, NG.PoliticalParty);
            }
            emit.literal(node, RDFS.label, e.label());
            e.aliases().stream().sorted().forEach(a -> emit.literal(node, SKOS.altLabel, a));
            e.wikidata().ifPresent(q -> emit.add(node, OWL.sameAs, NodeFactory.createURI(WIKIDATA + q)));
        }
        int n = 0;
        for (RoleFact r : facts.roles()) {
            Node role = iris.fact(article.id(), "role", ++n);
            emit.add(iris.entity(r.person()), NG.holdsRole, role);
            emit.add(role, RDF.type, NG.Role);
            emit.literal(role, NG.title, r.title());
            if (r.former()) {
                emit.typed(role, NG.former, "true", XSDDatatype.XSDboolean);
            }
            r.organization().ifPresent(o -> emit.add(role, NG.inOrganization, iris.entity(o)));
            r.jurisdiction().ifPresent(p -> emit.add(role, NG.jurisdiction, iris.entity(p)));
            if (r.scopeInferred()) {
                emit.typed(role, NG.scopeInferred, "true", XSDDatatype.XSDboolean);
            }
            article.date().ifPresent(d -> emit.typed(role, NG.reportedOn, d.toString(), XSDDatatype.XSDdate));
            provenance(emit, role, graph, r);
        }
        n = 0;
        for (StatementFact s : facts.statements()) {
            Node st = iris.fact(article.id(), "statement", ++n);
            emit.add(st, RDF.type, NG.Statement);
            emit.add(st, NG.attributedTo, iris.entity(s.speaker()));
            emit.literal(st, NG.text, s.text());
            emit.typed(st, NG.direct, Boolean.toString(s.direct()), XSDDatatype.XSDboolean);
            emit.literal(st, NG.cue, s.cue());
            provenance(emit, st, graph, s);
        }
        n = 0;
        for (EventFact e : facts.events()) {
            Node ev = iris.fact(article.id(), "event", ++n);
            emit.add(ev, RDF.type, NG.Event);
            emit.literal(ev, NG.trigger, e.trigger());
            e.date().ifPresent(d -> emit.typed(ev, NG.occurredOn, d.lexical(), datatype(d)));
            e.participants().forEach(p -> emit.add(ev, NG.participant, iris.entity(p)));
            e.place().ifPresent(p -> emit.add(ev, NG.atPlace, iris.entity(p)));
            provenance(emit, ev, graph, e);
        }
    }

    private static void provenance(Emitter emit, Node fact, Node article, Fact f) {
        Evidence ev = f.evidence();
        emit.add(fact, NG.sourceArticle, article);
        emit.literal(fact, NG.sentence, ev.sentence());
        emit.typed(fact, NG.beginOffset, BigInteger.valueOf(ev.begin()).toString(), XSDDatatype.XSDinteger);
        emit.typed(fact, NG.endOffset, BigInteger.valueOf(ev.end()).toString(), XSDDatatype.XSDinteger);
        // Canonical lexical form ("0.7", "1.0"), so every writer and store keeps it unchanged.
        String confidence = BigDecimal.valueOf(f.confidence()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .setScale(Math.max(1, BigDecimal.valueOf(f.confidence()).setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros().scale())).toPlainString();
        emit.typed(fact, NG.confidence, confidence, XSDDatatype.XSDdecimal);
    }

    private static XSDDatatype datatype(TimeValue t) {
        return switch (t.granularity()) {
            case DAY -> XSDDatatype.XSDdate;
            case MONTH -> XSDDatatype.XSDgYearMonth;
            case YEAR -> XSDDatatype.XSDgYear;
        };
    }

    private static boolean isAbsoluteIri(String s) {
        try {
            return URI.create(s).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes quads of one graph. */
    private record Emitter(Node graph, StreamRDF out) {
        void add(Node s, Property p, Node o) {
            out.quad(Quad.create(graph, s, p.asNode(), o));
        }

        void add(Node s, Property p, Resource o) {
            add(s, p, o.asNode());
        }

        void literal(Node s, Property p, String value) {
            add(s, p, NodeFactory.createLiteralString(value));
        }

        void typed(Node s, Property p, String lexical, XSDDatatype type) {
            add(s, p, NodeFactory.createLiteralDT(lexical, type));
        }
    }
}
