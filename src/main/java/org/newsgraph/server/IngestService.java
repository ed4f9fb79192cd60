package org.newsgraph.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.apache.jena.web.HttpSC;
import org.newsgraph.error.ArticleTooLongException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.NlpTimeoutException;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleParser;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.StoreWriteException;

/**
 * {@code POST /news/ingest}: one article in the request body, converted and stored as
 * {@code newsgraph ingest} would, and its graph in the response.
 *
 * <ul>
 * <li>{@code Content-Type: text/plain} (the default): the {@code .txt} format, with an optional
 *     {@code date YYYY-MM-DD} header and headline. The id is {@code ?id=}, or else
 *     {@code post-} and the start of the SHA-256 of the body, so the same body posted twice is
 *     the same article.</li>
 * <li>{@code application/json} (or {@code application/x-ndjson}): one JSONL object
 *     {@code {"id", "date", "title", "url", "text"}}; {@code ?id=} (or the hash) is used when
 *     it has no id.</li>
 * <li>Response: 201 Created when the article is new, 200 when it replaced its old graph or was
 *     unchanged (header {@value #OUTCOME_HEADER}: {@code added}, {@code replaced},
 *     {@code unchanged}); {@code Location} is the graph on {@code /news/data}. The body is the
 *     article's graph as N-Quads (default), TriG, Turtle, N-Triples or JSON-LD, by
 *     {@code Accept}.</li>
 * <li>400 with a one-line message for bad input (the same messages as for files), 413 over
 *     the body limit or over the NLP's length limit, 415 for another content type, 422 when the
 *     NLP ran past its time limit for one article and was stopped.</li>
 * </ul>
 *
 * The NLP runs outside any transaction (the {@link Ingester} does that); the store is written
 * in one short write transaction.
 */
final class IngestService extends ActionService {

    static final String OUTCOME_HEADER = "X-Newsgraph-Outcome";

    private static final String SOURCE = "POST /news/ingest";
    private static final AcceptList OFFER = AcceptList.create(WebContent.contentTypeNQuads, WebContent.contentTypeTriG,
            WebContent.contentTypeTurtle, WebContent.contentTypeNTriples, WebContent.contentTypeJSONLD);
    private static final MediaType DEFAULT_TYPE = MediaType.create(WebContent.contentTypeNQuads);
    /** Prefixes for the Turtle and TriG answers. */
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("ng", NG.NS)
            .setNsPrefix("rdf", RDF.getURI())
            .setNsPrefix("rdfs", RDFS.getURI())
            .setNsPrefix("skos", SKOS.getURI())
            .setNsPrefix("owl", OWL.getURI())
            .setNsPrefix("xsd", XSD.NS)
            .setNsPrefix("dcterms", DCTerms.getURI())
            .setNsPrefix("schema", "https://schema.org/")
            .lock();

    private final GraphStore store;
    private final Ingester ingester;
    private final int maxBody;
    private final ArticleParser parser = ArticleParser.create();
    private final IriMinter iris = IriMinter.standard();

    IngestService(GraphStore store, Ingester ingester, int maxBody) {
        this.store = store;
        this.ingester = ingester;
        this.maxBody = maxBody;
    }

    @Override
    public void execPost(HttpAction action) {
        executeLifecycle(action);
    }

    @Override
    public void execOptions(HttpAction action) {
        ActionLib.doOptionsPost(action);
        ServletOps.success(action);
    }

    @Override
    public void validate(HttpAction action) {
        bodyKind(action);
        long length = action.getRequestContentLengthLong();
        if (length > maxBody) {
            tooLarge();
        }
        String id = action.getRequestParameter("id");
        if (id != null) {
            ArticleParser.idProblem(id).ifPresent(p -> ServletOps.errorBadRequest("?id=" + id + ": " + p));
        }
    }

    @Override
    public void execute(HttpAction action) {
        boolean json = bodyKind(action);
        byte[] body = readBody(action);
        String text = utf8(body);
        String id = Optional.ofNullable(action.getRequestParameter("id")).orElseGet(() -> hashId(body));
        ReadResult read = json ? parser.parseJsonLine(text.strip(), SOURCE, id) : parser.parseText(id, text, SOURCE);
        if (read instanceof ReadResult.Failure f) {
            ServletOps.errorBadRequest(oneLine(f.message()));
            return;
        }
        Article article = ((ReadResult.Success) read).article();
        IngestOutcome outcome;
        // The body is read: from here a closed connection means the client has gone, and its
        // article's NLP stops rather than run on for nobody.
        ClientConnection.Probe probe = ClientConnection.goneCheck(action.getRequest());
        try {
            outcome = ingester.ingest(article, probe);
        } catch (StoreWriteException e) {
            ServletOps.error(HttpSC.INSUFFICIENT_STORAGE_507, oneLine(e.getMessage()));
            return;
        } catch (NewsgraphException e) {
            ServletOps.error(status(e), oneLine(e.getMessage()));
            return;
        } finally {
            probe.stopBeforeAnswer(action.getResponse());
        }
        Graph graph = store.findArticleGraph(article.id()).orElseThrow(
                () -> new NewsgraphException(SOURCE + ": article " + article.id() + " was stored but is gone"));
        respond(action, article, outcome, graph);
    }

    private void respond(HttpAction action, Article article, IngestOutcome outcome, Graph graph) {
        MediaType type = ConNeg.chooseContentType(action.getRequest(), OFFER, DEFAULT_TYPE);
        Lang lang = RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        Node name = iris.article(article.id());
        action.setResponseStatus(outcome == IngestOutcome.ADDED ? HttpSC.CREATED_201 : HttpSC.OK_200);
        action.setResponseHeader(OUTCOME_HEADER, outcome.name().toLowerCase(Locale.ROOT));
        action.setResponseHeader("Location", "/" + NewsServer.DATASET + "/data?graph=" + Html.param(name.getURI()));
        action.setResponseContentType(type.getContentTypeStr());
        action.setResponseCharacterEncoding("utf-8");
        try (OutputStream out = action.getResponseOutputStream()) {
            graph.getPrefixMapping().setNsPrefixes(PREFIXES);
            if (RDFLanguages.isQuads(lang)) {
                DatasetGraph dsg = DatasetGraphFactory.createGeneral();
                dsg.prefixes().putAll(PREFIXES);
                dsg.addGraph(name, graph);
                RDFDataMgr.write(out, dsg, lang);
            } else {
                RDFDataMgr.write(out, graph, lang);
            }
        } catch (IOException e) {
            throw new NewsgraphException(SOURCE + ": could not send the graph: " + e.getMessage(), e);
        }
    }

    /**
     * The status of an article that could not be ingested: 413 when it is too long for the NLP,
     * 422 when its NLP ran out of time (the same article would again: not 503, which invites
     * a retry), else 500.
     */
    private static int status(NewsgraphException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArticleTooLongException) {
                return HttpSC.PAYLOAD_TOO_LARGE_413;
            } else if (t instanceof NlpTimeoutException) {
                return HttpSC.UNPROCESSABLE_ENTITY_422;
            }
        }
        return HttpSC.INTERNAL_SERVER_ERROR_500;
    }

    /** Whether the body is JSON (else text); 415 for anything else. */
    private static boolean bodyKind(HttpAction action) {
        String type = ActionLib.getContentMediaType(action);
        if (type == null || type.equalsIgnoreCase(WebContent.contentTypeTextPlain)) {
            return false;
        }
        if (type.equalsIgnoreCase(WebContent.contentTypeJSON) || type.equalsIgnoreCase("application/x-ndjson")
                || type.equalsIgnoreCase("application/jsonl")) {
            return true;
        }
        drain(action);
        ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415,
                "Content-Type " + type + " is not taken: send text/plain (an article) or application/json (one JSONL object)");
        return false;
    }

    /** Bytes of a refused body read and dropped, so the client gets the answer instead of a reset connection. */
    private static final int DRAINED_BYTES = 64 * 1024;

    private static void drain(HttpAction action) {
        try {
            action.getRequestInputStream().readNBytes(DRAINED_BYTES);
        } catch (java.io.IOException e) {
            // the client went; the refusal still stands
        }
    }

    private byte[] readBody(HttpAction action) {
        try (InputStream in = action.getRequestInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (body.size() + n > maxBody) {
                    tooLarge();
                }
                body.write(buffer, 0, n);
            }
            return body.toByteArray();
        } catch (IOException e) {
            ServletOps.errorBadRequest("could not read the request body: " + e.getMessage());
            return null;
        }
    }

    private void tooLarge() {
        ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, "the article is larger than " + maxBody
                + " bytes; split it or send the text alone");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            ServletOps.errorBadRequest("the body is not UTF-8 text");
            return null;
        }
    }

    /** {@code post-} and the first 16 hex digits of the SHA-256 of the body. */
    static String hashId(byte[] body) {
        try {
            return "post-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
