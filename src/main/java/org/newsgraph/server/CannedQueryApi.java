package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.QueryLimitException;
import org.newsgraph.error.QueryTimeoutException;
import org.newsgraph.query.BoundQuery;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.Parameter;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryLimits;
import org.newsgraph.query.QueryResult;
import org.newsgraph.query.QueryTarget;
import org.newsgraph.query.ResultFormat;
import org.newsgraph.query.RunningQueries;

/**
 * The canned queries as a small HTTP API: they are listed, described in OpenAPI and run by the
 * server, which answers with their results.
 *
 * <ul>
 * <li>{@code GET /api/queries}: {@code [{"name", "title", "description", "parameters": [{"name",
 *     "type", "default", "required", "description"}], "href"}]}.</li>
 * <li>{@code GET /api/openapi.json} (also {@code /api/queries/openapi.json}): the OpenAPI 3.0
 *     document of these paths ({@link OpenApiDocument}).</li>
 * <li>{@code GET /api/queries/NAME?param=value...}: the query run on the server's dataset with
 *     the values bound by {@link CannedQuery#bind} (never pasted into its text), with the
 *     server's timeout and result limit (the header {@value CappedQueryService#HEADER} says
 *     when the limit may have cut the result). Rows and answers come as SPARQL JSON (the
 *     default, also for {@code application/json}), CSV, TSV or XML results by {@code Accept};
 *     a graph as JSON-LD (the default), Turtle or RDF/XML, cut at the triple limit of the
 *     server's {@link QueryLimits} (the header {@value CappedQueryService#TRIPLE_HEADER} says
 *     so). Errors are {@code {"error": "..."}}: 400 for a bad, missing, unknown or repeated
 *     parameter, 404 for an unknown query, 406 when no format asked for is offered, 422 when
 *     the query passed a limit (a GROUP_CONCAT string), 503 when it runs past the timeout or
 *     is cancelled. A query runs registered with the server's {@link RunningQueries}, so it
 *     stops when its client closes the connection or the server stops.</li>
 * <li>Paging: every query also takes {@code limit} and {@code offset} ({@value #LIMIT},
 *     {@value #OFFSET}), a window on its solutions in its own order. Rows come
 *     {@value #PAGE_SIZE} at a time unless {@code limit} says otherwise, up to the result limit;
 *     a full page has a {@code Link: <...>; rel="next"} header to the next one. A graph is
 *     whole (up to the result limit) unless {@code limit} or {@code offset} is given, and then
 *     they count the query's solutions, not triples.</li>
 * </ul>
 */
final class CannedQueryApi extends HttpServlet {

    /** Where the list is; each query is below it. */
    static final String BASE = "/api/queries";
    static final String OPENAPI = "/openapi.json";
    /** The paging parameters every query takes besides its own. */
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    /**
     * Rows per page when {@code limit} is not given: a screenful for a person, and small enough
     * that a list of every article or statement is not built and sent whole on each call.
     */
    static final long PAGE_SIZE = 100;

    /** One media type a query can answer in. */
    private record Offer(String mediaType, ResultFormat format) {
    }

    /** What rows and answers (SELECT, ASK) come as; the first is the default. */
    private static final List<Offer> ROWS = List.of(
            new Offer("application/sparql-results+json", ResultFormat.JSON),
            new Offer("text/csv", ResultFormat.CSV),
            new Offer("text/tab-separated-values", ResultFormat.TSV),
            new Offer("application/sparql-results+xml", ResultFormat.XML));
    /** What graphs (CONSTRUCT, DESCRIBE) come as; the first is the default. */
    private static final List<Offer> GRAPHS = List.of(
            new Offer("application/ld+json", ResultFormat.JSON),
            new Offer("text/turtle", ResultFormat.TABLE),
            new Offer("application/rdf+xml", ResultFormat.XML));

    private final QueryCatalog catalog;
    private final QueryTarget target;
    private final long resultLimit;
    private final Duration timeout;
    private final QueryLimits limits;
    private final RunningQueries running;
    private final String list;
    private final String openApi;

    CannedQueryApi(QueryCatalog catalog, DatasetGraph dataset, Duration timeout, long resultLimit, QueryLimits limits,
                   RunningQueries running) {
        this.catalog = catalog;
        this.target = QueryTarget.local(dataset).withTimeout(timeout).withLimits(limits);
        this.limits = limits;
        this.resultLimit = resultLimit;
        this.timeout = timeout;
        this.running = running;
        for (CannedQuery q : catalog.queries()) {
            if (q.findParameter(LIMIT).isPresent() || q.findParameter(OFFSET).isPresent()) {
                throw new NewsgraphException("query '" + q.name() + "' has a parameter called " + LIMIT + " or " + OFFSET
                        + ", which the HTTP API keeps for paging; rename it");
            }
        }
        this.list = list(catalog);
        this.openApi = OpenApiDocument.json(catalog);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-cache");
        String path = request.getPathInfo();
        if (request.getServletPath().endsWith(OPENAPI) || OPENAPI.equals(path)) {
            writeJson(response, HttpServletResponse.SC_OK, openApi);
        } else if (path == null || path.equals("/")) {
            writeJson(response, HttpServletResponse.SC_OK, list);
        } else {
            String name = path.substring(1);
            Optional<CannedQuery> query = catalog.find(name);
            if (query.isEmpty()) {
                error(response, HttpServletResponse.SC_NOT_FOUND, "no canned query called '" + name + "'; "
                        + BASE + " lists them");
            } else {
                run(query.get(), request, response);
            }
        }
    }

    private void run(CannedQuery canned, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        String accept = request.getHeader("Accept");
        Optional<ResultFormat> format = negotiate(accept, isGraph(canned) ? GRAPHS : ROWS);
        if (format.isEmpty()) {
            error(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "query '" + canned.name() + "' cannot answer in "
                    + accept + "; ask for one of " + String.join(", ", mediaTypes(canned)));
            return;
        }
        Map<String, String> values;
        Paging paging;
        BoundQuery bound;
        try {
            values = values(request);
            paging = paging(values.remove(LIMIT), values.remove(OFFSET), isGraph(canned));
            bound = canned.bind(values);
        } catch (BadInputException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        Query query = (paging.given() || !isGraph(canned) ? bound.page(paging.limit(), paging.offset()) : bound).query();
        boolean capped = needsCap(query);
        if (capped) {
            query.setLimit(resultLimit);
        }
        QueryResult result;
        ClientConnection.Probe probe = ClientConnection.goneCheck(request);
        try (RunningQueries.Running r = running.start(timeout, probe)) {
            try {
                result = target.execute(query, r.cancelSignal());
            } catch (NewsgraphException e) {
                String why = r.cancelReason() == null ? e.getMessage() : "the query was cancelled: " + r.cancelReason();
                error(response, status(e), "query '" + canned.name() + "': " + why);
                return;
            }
        } finally {
            probe.stopBeforeAnswer(response);
        }
        if (result instanceof QueryResult.Triples graph && graph.truncated()) {
            response.setHeader(CappedQueryService.TRIPLE_HEADER, Long.toString(limits.triples()));
        }
        // Rows tell whether the cap cut them; a graph's triples do not count solutions, so a
        // capped graph query always says it was capped.
        if (capped && (!(result instanceof QueryResult.Rows) || result.size() >= resultLimit)) {
            response.setHeader(CappedQueryService.HEADER, Long.toString(resultLimit));
        }
        long pageSize = Math.min(paging.limit(), resultLimit);
        if (result instanceof QueryResult.Rows && pageSize > 0 && result.size() >= pageSize) {
            long nextOffset = paging.offset() + pageSize;
            if (nextOffset > 0) { // no next page past Long.MAX_VALUE
                response.setHeader("Link", "<" + next(request, nextOffset, pageSize) + ">; rel=\"next\"");
            }
        }
        String type = format.get().mediaType(result);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type + (type.startsWith("text/") ? ";charset=utf-8" : ""));
        result.write(response.getOutputStream(), format.get());
    }

    /** 422 for a query over a limit, 503 for one stopped (by the timeout or a shutdown), 500 for any other failure. */
    private static int status(NewsgraphException e) {
        if (e instanceof QueryLimitException) {
            return 422;
        }
        if (e instanceof BadInputException) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        return e instanceof QueryTimeoutException ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** The request's parameters, each given once; a missing one takes its default in {@link CannedQuery#bind}. */
    private static Map<String, String> values(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getValue().length > 1) {
                throw new BadInputException("parameter '" + e.getKey() + "' is given " + e.getValue().length
                        + " times; give it once");
            }
            values.put(e.getKey(), e.getValue().length == 0 ? "" : e.getValue()[0]);
        }
        return values;
    }

    /** The page asked for; {@code given} when the request said {@code limit} or {@code offset}. */
    private record Paging(long limit, long offset, boolean given) {
    }

    /** The page from the request's {@code limit} and {@code offset}, or the first page by default. */
    private Paging paging(String limit, String offset, boolean graph) {
        // A limit over the server's cap gives what the cap gives; lowering it here keeps the sums
        // of paging (offset + limit) far from overflow.
        long l = Math.min(count(LIMIT, limit, graph ? resultLimit : Math.min(PAGE_SIZE, resultLimit)), resultLimit);
        long o = count(OFFSET, offset, 0);
        return new Paging(l, o, limit != null || offset != null);
    }

    private static long count(String name, String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a negative number
        }
        throw new BadInputException("parameter '" + name + "' must be a whole number, 0 or more, not '" + value + "'");
    }

    /** The URL of the page after this one: the same request with another offset. */
    private static String next(HttpServletRequest request, long offset, long limit) {
        StringBuilder url = new StringBuilder(request.getRequestURI()).append("?");
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (!e.getKey().equals(LIMIT) && !e.getKey().equals(OFFSET) && e.getValue().length > 0) {
                url.append(encode(e.getKey())).append('=').append(encode(e.getValue()[0])).append('&');
            }
        }
        return url.append(LIMIT).append('=').append(limit).append('&').append(OFFSET).append('=').append(offset).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * As {@link CappedQueryService}: no LIMIT, or a larger one, is lowered to the result limit;
     * one equal to it is capped too, since a page as large as the limit may have been cut by it.
     */
    private boolean needsCap(Query q) {
        boolean bounded = q.hasLimit() && q.getLimit() < resultLimit;
        return !bounded && (q.isSelectType() || q.isConstructType() || q.isDescribeType());
    }

    private static boolean isGraph(CannedQuery q) {
        return q.queryType() == QueryType.CONSTRUCT || q.queryType() == QueryType.DESCRIBE;
    }

    /** The media types {@code q} answers in, the default first. */
    static List<String> mediaTypes(CannedQuery q) {
        return (isGraph(q) ? GRAPHS : ROWS).stream().map(Offer::mediaType).toList();
    }

    /**
     * The format to answer in: the offer that the most preferred range of {@code accept} matches
     * ({@code q} values are honoured, {@code q=0} ranges skipped; {@code application/json} is
     * the JSON offer, {@code application/xml} the XML one); the first offer when there is no
     * Accept header; empty when nothing asked for is offered.
     */
    private static Optional<ResultFormat> negotiate(String accept, List<Offer> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.get(0).format());
        }
        record Range(String type, double q) {
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].strip();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!type.isEmpty() && q > 0) {
                ranges.add(new Range(type, q));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed());
        for (Range range : ranges) {
            for (Offer offer : offers) {
                if (matches(range.type(), offer)) {
                    return Optional.of(offer.format());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String range, Offer offer) {
        String type = offer.mediaType();
        if (range.equals("*/*") || range.equals(type)) {
            return true;
        }
        if (range.endsWith("/*")) {
            return type.startsWith(range.substring(0, range.length() - 1));
        }
        return range.equals("application/json") && offer.format() == ResultFormat.JSON
                || range.equals("application/xml") && offer.format() == ResultFormat.XML;
    }

    static String list(QueryCatalog catalog) {
        List<Object> queries = new ArrayList<>();
        for (CannedQuery q : catalog.queries()) {
            List<Object> parameters = new ArrayList<>();
            for (Parameter p : q.parameters()) {
                parameters.add(OpenApiDocument.obj("name", p.name(), "type", p.type().typeName(),
                        "default", p.defaultValue().orElse(null), "required", p.isRequired(),
                        "description", p.description()));
            }
            queries.add(OpenApiDocument.obj("name", q.name(), "title", q.title(), "description", q.description(),
                    "parameters", parameters, "href", BASE + "/" + q.name()));
        }
        return Json.write(queries) + "\n";
    }

    private static void writeJson(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getWriter().print(json);
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        writeJson(response, status, Json.write(Map.of("error", message)) + "\n");
    }
}
