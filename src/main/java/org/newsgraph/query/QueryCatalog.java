package org.newsgraph.query;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.ConfigurationException;
import org.newsgraph.error.NewsgraphException;

/**
 * A set of canned queries by name: the built-in ones (the {@code queries/} folder of the
 * project, which the jar carries as resources under {@code queries/}) or those of any folder of
 * {@code .rq} files.
 *
 * <pre>{@code
 * QueryCatalog catalog = QueryCatalog.builtIn();
 * for (CannedQuery q : catalog.queries()) {
 *     System.out.println(q.name() + ": " + q.title());
 * }
 * QueryResult r = QueryTarget.local(store.dataset()).run(catalog.get("roles").bind(Map.of("org", "PPP")));
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class QueryCatalog {

    /** Where the built-in queries are on the class path. */
    public static final String RESOURCE_FOLDER = "queries";

    private final Map<String, CannedQuery> byName;

    private QueryCatalog(Map<String, CannedQuery> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** A catalog of these queries; two with one name are an error. */
    public static QueryCatalog of(Collection<CannedQuery> queries) {
        Map<String, CannedQuery> byName = new TreeMap<>();
        for (CannedQuery q : queries) {
            if (byName.putIfAbsent(q.name(), q) != null) {
                throw new NewsgraphException("two queries are called '" + q.name() + "'");
            }
        }
        return new QueryCatalog(byName);
    }

    /**
     * The queries that come with newsgraph, from the class path folder {@value #RESOURCE_FOLDER}
     * (in the jar, or in {@code target/classes} when run from the build).
     *
     * @throws NewsgraphException when the folder is missing or a query in it is broken
     */
    public static QueryCatalog builtIn() {
        URL url = QueryCatalog.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (url == null) {
            throw new ConfigurationException("the built-in queries are missing: no folder '" + RESOURCE_FOLDER
                    + "' on the class path; rebuild newsgraph");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return load(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return load(jar.getPath(RESOURCE_FOLDER));
            } catch (FileSystemAlreadyExistsException e) {
                return load(FileSystems.getFileSystem(uri).getPath(RESOURCE_FOLDER));
            }
        } catch (URISyntaxException | IOException e) {
            throw new ConfigurationException("cannot read the built-in queries at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The queries in the {@code .rq} files of {@code folder} (not its sub-folders).
     *
     * @throws NewsgraphException naming the file when a query is broken, or when the folder
     *                            cannot be read
     */
    public static QueryCatalog load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new NewsgraphException(folder + ": not a folder of .rq query files");
        }
        List<CannedQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(QueryCatalog::isQueryFile).sorted().toList()) {
                queries.add(CannedQuery.read(file));
            }
        } catch (IOException e) {
            throw new NewsgraphException(folder + ": cannot list its files: " + e.getMessage(), e);
        }
        return of(queries);
    }

    /** Whether {@code file} is a regular file named {@code *.rq}. */
    public static boolean isQueryFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".rq") && Files.isRegularFile(file);
    }

    /** The queries, sorted by name. */
    public List<CannedQuery> queries() {
        return List.copyOf(byName.values());
    }

    /**
     * The queries that {@code namesOrPaths} name, in their order: each is a folder of .rq files
     * (all of them, sorted by name), a .rq file, or the name of a built-in query.
     *
     * @throws BadInputException naming the argument when a folder has no .rq files, a file is
     *                           missing, or no built-in query has that name
     * @throws NewsgraphException naming the file when a query file is broken
     */
    public static List<CannedQuery> resolve(List<String> namesOrPaths) {
        List<CannedQuery> chosen = new ArrayList<>();
        QueryCatalog builtIn = null;
        for (String q : namesOrPaths) {
            Path path = Path.of(q);
            if (Files.isDirectory(path)) {
                List<CannedQuery> inFolder = load(path).queries();
                if (inFolder.isEmpty()) {
                    throw new BadInputException(q + ": the folder has no .rq files");
                }
                chosen.addAll(inFolder);
            } else if (q.endsWith(".rq") || Files.isRegularFile(path)) {
                if (!Files.isRegularFile(path)) {
                    throw new BadInputException(q + ": no such query file");
                }
                chosen.add(CannedQuery.read(path));
            } else {
                builtIn = builtIn == null ? builtIn() : builtIn;
                chosen.add(builtIn.get(q));
            }
        }
        return List.copyOf(chosen);
    }

    /** The names of the queries, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The query called {@code name}, if there is one. */
    public Optional<CannedQuery> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The query called {@code name}.
     *
     * @throws NewsgraphException listing the known names when there is none
     */
    public CannedQuery get(String name) {
        return find(name).orElseThrow(() -> new BadInputException("no query called '" + name + "'; the queries are "
                + byName.keySet().stream().collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return "QueryCatalog" + byName.keySet();
    }
}
