package org.newsgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.query.BoundQuery;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.Parameter;
import org.newsgraph.query.QueryBatch;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryTarget;
import org.newsgraph.query.ResultFormat;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph query}: canned SPARQL queries with typed parameters, on a store, a file or an endpoint. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs canned SPARQL queries (see --list) or .rq files on a TDB2 database (--db), on RDF files "
                + "read into memory (--data) or on any SPARQL 1.1 endpoint (--endpoint).",
                "Parameters are given as --param NAME=VALUE; each value is checked against the parameter's type and "
                + "put into the query as one RDF term, never pasted into its text.",
                "One query prints its result; several (names, files or a folder of .rq files) write one file each "
                + "into --out DIR.",
                "Exit status: 0 all queries ran, 1 some failed (the others are written), 2 error."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "QUERY",
            description = "A canned query's name (see --list), a .rq file, or a folder of .rq files.")
    List<String> queries = new ArrayList<>();

    @Option(names = "--list", description = "List the canned queries (or those given) with their parameters, and stop.")
    boolean list;

    @Option(names = "--db", paramLabel = "DIR", description = "Query this TDB2 database folder (made by newsgraph ingest).")
    Path db;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Query these RDF files (TriG or N-Quads from newsgraph convert), read into memory; may be repeated.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Query this SPARQL endpoint, e.g. http://localhost:3030/news/sparql.")
    String endpoint;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter value; may be repeated. With several queries, each gets the parameters it has.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, tsv, json or xml (default: ${DEFAULT-VALUE}). A CONSTRUCT query's graph is "
                    + "Turtle, or JSON-LD for json and RDF/XML for xml.")
    String format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each query's result to DIR/NAME.EXT (created if needed) instead of standard output.")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "Give at most N rows (solutions) of each query, from --offset on; default: all.")
    Long limit;

    @Option(names = "--offset", paramLabel = "N",
            description = "Skip the first N rows (solutions) of each query, in its own order; default: 0.")
    Long offset;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop a query that runs longer than this.")
    Integer timeout;

    @Option(names = "--show-query", description = "Print each query with its parameters in place instead of running it.")
    boolean showQuery;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<CannedQuery> chosen = resolve();
        if (list) {
            stdout.print(queries.isEmpty() ? listing(chosen) : details(chosen));
            stdout.flush();
            return Main.OK;
        }
        if (chosen.isEmpty()) {
            throw usage("Give a query name, a .rq file or a folder of them; newsgraph query --list shows the canned queries");
        }
        if (chosen.size() > 1 && out == null && !showQuery) {
            throw usage("Several queries (" + chosen.size() + "): give --out DIR for their result files");
        }
        if (timeout != null && timeout <= 0) {
            throw usage("--timeout must be a positive number of seconds");
        }
        if (limit != null && limit < 0 || offset != null && offset < 0) {
            throw usage("--limit and --offset must not be negative");
        }
        ResultFormat fmt = ResultFormat.named(format);
        List<BoundQuery> bound = bind(chosen);
        if (showQuery) {
            bound.forEach(b -> stdout.print("# " + b.name() + "\n" + b.sparql() + "\n"));
            stdout.flush();
            return Main.OK;
        }
        int sources = (db != null ? 1 : 0) + (data.isEmpty() ? 0 : 1) + (endpoint != null ? 1 : 0);
        if (sources != 1) {
            throw usage("Give one of --db DIR, --data FILE or --endpoint URL to say what to query");
        }
        if (out != null) {
            createFolder(out);
        }
        if (endpoint != null) {
            return runAll(bound, QueryTarget.remote(endpoint), fmt, err, stdout);
        }
        if (db != null) {
            if (!Files.isDirectory(db)) {
                throw new BadInputException("database " + db + " does not exist; make it with newsgraph ingest PATH --db " + db);
            }
            try (GraphStore store = GraphStore.open(db)) {
                return runAll(bound, QueryTarget.local(store.dataset()), fmt, err, stdout);
            }
        }
        QueryTarget files = QueryTarget.files(data);
        if (files.hasOnlyADefaultGraph()) {
            err.println("warning: the --data files have no named graphs, and the canned queries look in article graphs; "
                    + "convert with -f trig or -f nquads");
            err.flush();
        }
        return runAll(bound, files, fmt, err, stdout);
    }

    /** The queries the arguments name: names of canned queries, .rq files, folders of .rq files. */
    private List<CannedQuery> resolve() {
        if (queries.isEmpty()) {
            return list ? QueryCatalog.builtIn().queries() : List.of();
        }
        List<CannedQuery> chosen = QueryCatalog.resolve(queries);
        List<String> names = chosen.stream().map(CannedQuery::name).toList();
        List<String> twice = names.stream().filter(n -> names.indexOf(n) != names.lastIndexOf(n)).distinct().toList();
        if (!twice.isEmpty() && out != null) {
            throw usage("Two queries are called " + String.join(", ", twice) + ": their result files would overwrite each other");
        }
        return chosen;
    }

    /** Binds every query before any runs, so a wrong parameter stops the run before it starts. */
    private List<BoundQuery> bind(List<CannedQuery> chosen) {
        for (String name : params.keySet()) {
            if (chosen.stream().noneMatch(q -> q.findParameter(name).isPresent())) {
                String known = chosen.stream().flatMap(q -> q.parameters().stream()).map(Parameter::name).distinct()
                        .collect(Collectors.joining(", "));
                throw usage("No query here has a parameter '" + name + "'"
                        + (known.isEmpty() ? "; they take none" : "; the parameters are " + known));
            }
        }
        return QueryBatch.bind(chosen, params, limit, offset);
    }

    private int runAll(List<BoundQuery> bound, QueryTarget target, ResultFormat fmt, PrintWriter err, PrintWriter stdout) {
        QueryBatch.Builder batch = QueryBatch.builder(timeout == null ? target : target.withTimeout(Duration.ofSeconds(timeout)))
                .format(fmt).log(err).quiet(verbosity.quiet).verbose(verbosity.verbose);
        if (out != null) {
            batch.into(out);
        }
        return batch.build().run(bound, stdout).failed() == 0 ? Main.OK : Main.SOME_FAILED;
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NewsgraphException(dir + ": cannot create the folder: " + e.getMessage(), e);
        }
    }

    /** The queries as a table: name, title, parameters ({@code *} marks a required one). */
    static String listing(List<CannedQuery> queries) {
        int nameWidth = Math.max(4, queries.stream().mapToInt(q -> q.name().length()).max().orElse(0));
        int titleWidth = Math.max(5, queries.stream().mapToInt(q -> q.title().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s  %-" + titleWidth + "s  %s%n";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, row, "NAME", "TITLE", "PARAMETERS (* required)"));
        for (CannedQuery q : queries) {
            String ps = q.parameters().stream().map(QueryCommand::brief).collect(Collectors.joining(", "));
            s.append(String.format(Locale.ROOT, row, q.name(), q.title(), ps.isEmpty() ? "-" : ps));
        }
        return s.toString();
    }

    /** Each query with its description and each parameter's. */
    static String details(List<CannedQuery> queries) {
        StringBuilder s = new StringBuilder();
        for (CannedQuery q : queries) {
            s.append(q.name()).append(": ").append(q.title()).append('\n');
            if (!q.description().isEmpty()) {
                s.append(wrap(q.description(), "  ")).append('\n');
            }
            for (Parameter p : q.parameters()) {
                s.append("  --param ").append(p.name()).append('=').append(p.type().typeName().toUpperCase(Locale.ROOT))
                        .append(p.isRequired() ? "  (required)" : p.defaultValue().orElse("").isEmpty() ? "  (optional)"
                                : "  (default " + p.defaultValue().orElseThrow() + ")")
                        .append('\n').append(wrap(p.description(), "      ")).append('\n');
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** {@code name*: type} for a required parameter, {@code name: type = default} for one with a default. */
    private static String brief(Parameter p) {
        String d = p.defaultValue().orElse("");
        return p.name() + (p.isRequired() ? "*" : "") + ": " + p.type().typeName() + (d.isEmpty() ? "" : " = " + d);
    }

    private static String wrap(String text, String indent) {
        StringBuilder s = new StringBuilder(indent);
        int col = indent.length();
        for (String word : text.split("\\s+")) {
            if (col > indent.length() && col + 1 + word.length() > 96) {
                s.append('\n').append(indent);
                col = indent.length();
            } else if (col > indent.length()) {
                s.append(' ');
                col++;
            }
            s.append(word);
            col += word.length();
        }
        return s.toString();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
