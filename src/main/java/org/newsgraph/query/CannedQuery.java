package org.newsgraph.query;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QueryType;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.NodeTransformSubst;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;

/**
 * A SPARQL query with a title, a description and typed parameters, read from a {@code .rq}
 * file whose leading comment block declares them (in the manner of grlc's decorators):
 *
 * <pre>
 * # title: Roles in a party
 * # description: Who holds which role in an organization,
 * #   with the article that reports it.
 * # param: party : string : Name or part of a name of the party
 * # param: asOf : date = "" : Only roles reported on or before this date
 *
 * SELECT ... WHERE { ... FILTER(CONTAINS(?name, ?_party)) FILTER(!BOUND(?_asOf) || ?d &lt;= ?_asOf) }
 * </pre>
 *
 * <p>A header line {@code # title:}, {@code # description:} or {@code # param:} starts a field;
 * other comment lines continue the field before them. A parameter is written
 * {@code name : type [= default] : description}; types are those of {@link ParamType}; a
 * parameter without a default is required. Parameter {@code name} is the variable
 * {@code ?_name} in the query: {@link #bind} puts the typed value in its place everywhere
 * (patterns, filters, {@code EXISTS}, sub-queries, templates) by rewriting the parsed query,
 * never by editing its text, and turns {@code BOUND(?_name)} into {@code true}. A parameter
 * left empty keeps its variable unbound, so optional filters read
 * {@code FILTER(!BOUND(?_name) || ...)}.
 *
 * <p>Reading checks the header, parses the query once, and checks that each declared
 * parameter is used, that each {@code ?_} variable is declared, and that no parameter is a
 * result column; a file that breaks a rule gets a {@link NewsgraphException} naming it.
 *
 * <pre>{@code
 * CannedQuery roles = QueryCatalog.builtIn().get("roles");
 * BoundQuery q = roles.bind(Map.of("person", "Amina Rauf"));
 * QueryResult result = QueryTarget.local(store.dataset()).run(q);
 * }</pre>
 *
 * @param name        the file name without {@code .rq}
 * @param title       a short title
 * @param description what the query finds, for people; may be empty
 * @param parameters  the parameters, in header order
 * @param text        the file's text, header included
 * @param query       the parsed query (use {@link #bind} to run it; this accessor gives a copy)
 */
public record CannedQuery(String name, String title, String description, List<Parameter> parameters, String text,
        Query query) {

    private static final Pattern FIELD = Pattern.compile("^(title|description|param)\\s*:\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile(
            "^([^\\s:=]+)\\s*:\\s*([A-Za-z]+)\\s*(?:=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s:]+)\\s*)?(?::\\s*(.*))?$");
    private static final Pattern PARAM_VARIABLE = Pattern.compile("[?$]_([A-Za-z0-9_]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public CannedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(text, "text");
        query = Objects.requireNonNull(query, "query").cloneQuery();
        if (!NAME.matcher(name).matches()) {
            throw new NewsgraphException("query name '" + name + "' must be letters, digits, '.', '_' and '-'");
        }
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) {
                throw new NewsgraphException(name + ".rq: parameter '" + p.name() + "' is declared twice");
            }
        }
    }

    /** A copy of the parsed query, with the parameters' variables unbound. */
    @Override
    public Query query() {
        return query.cloneQuery();
    }

    /** SELECT, ASK, CONSTRUCT or DESCRIBE. */
    public QueryType queryType() {
        return query.queryType();
    }

    /** The parameter called {@code name}, if the query has one. */
    public Optional<Parameter> findParameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Reads a query file; its name is the file name without {@code .rq}.
     *
     * @throws NewsgraphException naming the file when it cannot be read or breaks a rule
     */
    public static CannedQuery read(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new NewsgraphException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new NewsgraphException(file + ": cannot read it: " + e.getMessage(), e);
        }
        try {
            return parse(name, text);
        } catch (NewsgraphException e) {
            throw new NewsgraphException(e.getMessage().replaceFirst("^\\Q" + name + ".rq\\E", file.toString()), e.getCause());
        }
    }

    /**
     * Parses the text of a query file called {@code name}.rq.
     *
     * @throws NewsgraphException naming {@code name}.rq and the line when the header or the query
     *                            breaks a rule
     */
    public static CannedQuery parse(String name, String text) {
        String source = name + ".rq";
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        List<Parameter> parameters = new ArrayList<>();
        List<String[]> paramLines = new ArrayList<>(); // {line number, text} of each param field
        StringBuilder current = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() && current == null) {
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            String content = line.replaceFirst("^#+", "").strip();
            Matcher m = FIELD.matcher(content);
            if (m.matches()) {
                current = new StringBuilder(m.group(2));
                if (m.group(1).equals("param")) {
                    paramLines.add(new String[] {String.valueOf(i + 1), null});
                    fields.put("param" + paramLines.size(), current);
                } else if (fields.putIfAbsent(m.group(1), current) != null) {
                    throw new NewsgraphException(source + " line " + (i + 1) + ": a second '" + m.group(1) + ":' in the header");
                }
            } else if (current != null && !content.isEmpty()) {
                current.append(current.length() == 0 ? "" : " ").append(content);
            }
        }
        for (int k = 0; k < paramLines.size(); k++) {
            parameters.add(parseParameter(source, Integer.parseInt(paramLines.get(k)[0]), fields.get("param" + (k + 1)).toString()));
        }
        String title = fields.containsKey("title") ? fields.get("title").toString().strip() : "";
        if (title.isEmpty()) {
            throw new NewsgraphException(source + ": the header has no '# title: ...' line; start the file with "
                    + "'# title:', '# description:' and a '# param:' line per parameter");
        }
        String description = fields.containsKey("description") ? fields.get("description").toString().strip() : "";
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new NewsgraphException(source + ": the query does not parse: " + e.getMessage(), e);
        }
        checkVariables(source, query, parameters);
        return new CannedQuery(name, title, description, parameters, text, query);
    }

    private static Parameter parseParameter(String source, int line, String field) {
        Matcher m = PARAM.matcher(field.strip());
        if (!m.matches()) {
            throw new NewsgraphException(source + " line " + line + ": a parameter is written "
                    + "'# param: name : type = \"default\" : description' (no '= ...' when it is required), not '" + field + "'");
        }
        String name = m.group(1);
        ParamType type = ParamType.find(m.group(2)).orElseThrow(() -> new NewsgraphException(source + " line " + line
                + ": parameter '" + name + "' has unknown type '" + m.group(2) + "'; types are "
                + Arrays.stream(ParamType.values()).map(ParamType::typeName).collect(Collectors.joining(", "))));
        Optional<String> def = Optional.ofNullable(m.group(3)).map(CannedQuery::unquote);
        String description = m.group(4) == null ? "" : m.group(4).strip();
        try {
            return new Parameter(name, type, def, description);
        } catch (NewsgraphException e) {
            throw new NewsgraphException(source + " line " + line + ": " + e.getMessage());
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    /** Each parameter is used, each {@code ?_x} is a parameter, and none is a result column. */
    private static void checkVariables(String source, Query query, List<Parameter> parameters) {
        // Jena writes every variable as ?name, wherever it occurs (patterns, expressions, EXISTS,
        // sub-queries, templates); the query's own string literals hold no "?_".
        Set<String> used = new TreeSet<>();
        Matcher m = PARAM_VARIABLE.matcher(query.serialize());
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> declared = new LinkedHashSet<>();
        parameters.forEach(p -> declared.add(p.name()));
        for (String name : declared) {
            if (!used.contains(name)) {
                throw new NewsgraphException(source + ": parameter '" + name + "' is declared but the query never uses ?_" + name);
            }
        }
        for (String name : used) {
            if (!declared.contains(name)) {
                throw new NewsgraphException(source + ": the query uses ?_" + name + ", but no '# param: " + name
                        + " : ...' declares it; variables starting with _ are parameters");
            }
        }
        if (query.isSelectType()) {
            for (Var v : query.getProjectVars()) {
                if (v.getVarName().startsWith("_")) {
                    throw new NewsgraphException(source + ": parameter ?" + v.getVarName() + " is a result column; "
                            + "a bound parameter is no variable any more, so select another variable (BIND it) instead");
                }
            }
        }
    }

    /**
     * This query with the parameters bound: each value given (or the default) is checked
     * against its parameter's type and put in place of the parameter's variable as one RDF term.
     *
     * @param values parameter name to value as text; missing or empty values take the default
     * @throws NewsgraphException naming the parameter when a value is not of its type, a required
     *                            one is missing, or a name is not a parameter of this query
     */
    public BoundQuery bind(Map<String, String> values) {
        for (String given : values.keySet()) {
            if (findParameter(given).isEmpty()) {
                throw new BadInputException("query '" + name + "' has no parameter '" + given + "'; "
                        + (parameters.isEmpty() ? "it has no parameters"
                        : "its parameters are " + parameters.stream().map(Parameter::name).collect(Collectors.joining(", "))));
            }
        }
        Map<String, Node> bound = new LinkedHashMap<>();
        Map<Var, Node> substitution = new HashMap<>();
        for (Parameter p : parameters) {
            Optional<Node> node;
            try {
                node = p.bind(values.get(p.name()));
            } catch (NewsgraphException e) {
                throw new BadInputException("query '" + name + "': " + e.getMessage());
            }
            node.ifPresent(n -> {
                bound.put(p.name(), n);
                substitution.put(Var.alloc(p.variable()), n);
            });
        }
        return new BoundQuery(this, bound, substitute(query, substitution));
    }

    /** The query with {@code BOUND(?v)} made true and then each ?v replaced, for the given variables. */
    private Query substitute(Query original, Map<Var, Node> substitution) {
        if (substitution.isEmpty()) {
            return original.cloneQuery();
        }
        ExprTransformCopy boundIsTrue = new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunction1 func, Expr arg) {
                if (func instanceof E_Bound && arg.isVariable() && substitution.containsKey(arg.asVar())) {
                    return NodeValue.TRUE;
                }
                return super.transform(func, arg);
            }
        };
        Query withBound = QueryTransformOps.transform(original, new ElementTransformCopyBase(), boundIsTrue);
        Query result = QueryTransformOps.transform(withBound, new NodeTransformSubst(substitution));
        // What a remote endpoint receives is this query's text: it must mean the same query.
        String sparql = result.serialize();
        Query reparsed;
        try {
            reparsed = QueryFactory.create(sparql);
        } catch (QueryParseException e) {
            throw new NewsgraphException("query '" + name + "': the bound query does not parse again (" + e.getMessage()
                    + "); this is a bug in newsgraph", e);
        }
        if (!reparsed.equals(result)) {
            throw new NewsgraphException("query '" + name + "': the bound query reads differently as text; "
                    + "this is a bug in newsgraph");
        }
        return result;
    }

    @Override
    public String toString() {
        return "CannedQuery[" + name + "]";
    }
}
