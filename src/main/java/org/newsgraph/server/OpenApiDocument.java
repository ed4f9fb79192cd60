package org.newsgraph.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.ParamType;
import org.newsgraph.query.Parameter;
import org.newsgraph.query.QueryCatalog;

/**
 * The OpenAPI 3.0 document of {@link CannedQueryApi}, made from a {@link QueryCatalog}: the list
 * at {@value CannedQueryApi#BASE}, and one path per canned query with a query parameter per
 * parameter of the query (its type as a JSON schema type, {@code format: date} for dates,
 * {@code format: uri} for IRIs; required when it has no default; the default when it is not
 * empty), the paging parameters {@code limit} and {@code offset}, and the responses 200 (in each result format the query can answer in), 400, 404, 406
 * and 503.
 */
final class OpenApiDocument {

    private static final String ERROR = "#/components/schemas/Error";

    private OpenApiDocument() {
    }

    /** The document as JSON text. */
    static String json(QueryCatalog catalog) {
        return Json.write(document(catalog));
    }

    static Map<String, Object> document(QueryCatalog catalog) {
        String version = OpenApiDocument.class.getPackage().getImplementationVersion();
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put(CannedQueryApi.BASE, obj("get", obj(
                "operationId", "listCannedQueries",
                "summary", "The canned queries with their parameters",
                "responses", obj("200", obj("description", "The canned queries",
                        "content", obj("application/json", obj("schema", obj("type", "array", "items", obj("type", "object")))))))));
        for (CannedQuery q : catalog.queries()) {
            paths.put(CannedQueryApi.BASE + "/" + q.name(), obj("get", operation(q)));
        }
        return obj(
                "openapi", "3.0.3",
                "info", obj("title", "newsgraph canned queries",
                        "description", "Canned SPARQL queries over the news knowledge graph. Each parameter value is "
                                + "checked against its type and bound into the query as one RDF term. The result "
                                + "format is chosen by the Accept header.",
                        "version", version == null ? "development" : version),
                "servers", List.of(obj("url", "/")),
                "paths", paths,
                "components", obj("schemas", obj("Error", obj("type", "object", "required", List.of("error"),
                        "properties", obj("error", obj("type", "string"))))));
    }

    private static Map<String, Object> operation(CannedQuery q) {
        List<Object> parameters = new ArrayList<>();
        for (Parameter p : q.parameters()) {
            Map<String, Object> schema = schema(p.type());
            p.defaultValue().filter(d -> !d.isEmpty()).ifPresent(d -> schema.put("default", typed(p.type(), d)));
            parameters.add(obj("name", p.name(), "in", "query", "required", p.isRequired(),
                    "description", p.description(), "schema", schema));
        }
        boolean graph = CannedQueryApi.mediaTypes(q).contains("text/turtle");
        parameters.add(obj("name", CannedQueryApi.LIMIT, "in", "query", "required", false,
                "description", graph ? "The most solutions to build the graph from; default: all, up to the server's result limit"
                        : "Rows per page, up to the server's result limit; default " + CannedQueryApi.PAGE_SIZE,
                "schema", graph ? obj("type", "integer", "minimum", 0)
                        : obj("type", "integer", "minimum", 0, "default", CannedQueryApi.PAGE_SIZE)));
        parameters.add(obj("name", CannedQueryApi.OFFSET, "in", "query", "required", false,
                "description", "How many " + (graph ? "solutions" : "rows") + " to skip, in the query's own order; "
                        + "a full page's Link header (rel=\"next\") gives the next one",
                "schema", obj("type", "integer", "minimum", 0, "default", 0)));
        Map<String, Object> content = new LinkedHashMap<>();
        for (String type : CannedQueryApi.mediaTypes(q)) {
            content.put(type, obj("schema", type.contains("json") ? obj("type", "object") : obj("type", "string")));
        }
        Map<String, Object> op = obj("operationId", q.name(), "summary", q.title());
        if (!q.description().isEmpty()) {
            op.put("description", q.description());
        }
        op.put("parameters", parameters);
        op.put("responses", obj(
                "200", obj("description", "The query's result (" + q.queryType() + "), in the format the Accept "
                        + "header asks for; the first listed when it asks for none", "content", content),
                "400", error("A parameter is missing, not of its type, unknown or given twice"),
                "404", error("No canned query by that name"),
                "406", error("None of the formats the Accept header asks for"),
                "503", error("The query took longer than the server's timeout")));
        return op;
    }

    private static Map<String, Object> error(String description) {
        return obj("description", description, "content", obj("application/json", obj("schema", obj("$ref", ERROR))));
    }

    /** The JSON schema of a parameter type. */
    static Map<String, Object> schema(ParamType type) {
        return switch (type) {
            case INTEGER -> obj("type", "integer");
            case DECIMAL -> obj("type", "number");
            case BOOLEAN -> obj("type", "boolean");
            case DATE -> obj("type", "string", "format", "date");
            case IRI -> obj("type", "string", "format", "uri");
            default -> obj("type", "string");
        };
    }

    /** A default value as the JSON value its schema type wants. */
    private static Object typed(ParamType type, String value) {
        String v = value.strip();
        return switch (type) {
            case INTEGER -> new BigInteger(v.startsWith("+") ? v.substring(1) : v);
            case DECIMAL -> new BigDecimal(v);
            case BOOLEAN -> Boolean.parseBoolean(v);
            default -> value;
        };
    }

    /** A JSON object of key, value, key, value... in that order. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
