package org.newsgraph.server;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsgraph.NewsgraphException;

/**
 * The canned queries the query page lists: the {@code .rq} files of a folder (the project's
 * {@code queries/}, or the copy built into the jar), with the title, description and parameters
 * their leading comment lines declare:
 *
 * <pre>
 * # title: Who holds which role
 * # description: Roles of persons in parties,
 * #   as the articles report them.
 * # param: person : string = "" : Name or part of a name of the person
 * </pre>
 *
 * Read leniently: a comment line {@code # word: text} starts a field, other comment lines of the
 * leading block continue the field before them, unknown fields are ignored, and a file without a
 * title is named after the file. The page shows the parameters; a parameter {@code name} is the
 * variable {@code ?_name} in the query and stays unbound (optional filters pass) unless the user
 * edits the query.
 */
public final class CannedQueries {

    private static final Pattern FIELD = Pattern.compile("#\\s*([A-Za-z][\\w-]*)\\s*:\\s?(.*)");

    private CannedQueries() {
    }

    /** One canned query. */
    public record Entry(String name, String title, String description, List<Param> params, String query) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            params = List.copyOf(params);
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * One declared parameter, as written: {@code name : type [= default] : description}.
     *
     * @param defaultValue the default as written (with its quotes), or null when the parameter is required
     */
    public record Param(String name, String type, String defaultValue, String description) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * The {@code .rq} files of {@code dir}, by file name.
     *
     * @throws NewsgraphException naming the folder or file when one cannot be read
     */
    public static List<Entry> fromFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NewsgraphException("queries folder " + dir + " is not a folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> rq = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".rq"))
                    .filter(Files::isRegularFile).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            List<Entry> entries = new ArrayList<>();
            for (Path f : rq) {
                entries.add(read(f));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new NewsgraphException("queries folder " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The queries built into the jar (the project's {@code queries/} folder at build time); none if it had none. */
    public static List<Entry> bundled() {
        URL url = CannedQueries.class.getResource("/queries/");
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fromFolder(fs.getPath("/queries"));
            }
            return fromFolder(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new NewsgraphException("the queries built into the jar cannot be read: " + e.getMessage(), e);
        }
    }

    static Entry read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("(?i)\\.rq$", "");
        return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads the header of {@code text}, the query of the file named {@code name}.rq. */
    static Entry parse(String name, String text) {
        String title = null;
        StringBuilder description = new StringBuilder();
        List<String> params = new ArrayList<>();
        String field = null;
        for (String raw : text.replace("\r\n", "\n").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                field = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2).strip();
                switch (field) {
                    case "title" -> title = value;
                    case "description" -> append(description, value);
                    case "param" -> params.add(value);
                    default -> { }
                }
            } else if (field != null) {
                String more = line.substring(1).strip();
                switch (field) {
                    case "title" -> title = (title + " " + more).strip();
                    case "description" -> append(description, more);
                    case "param" -> params.set(params.size() - 1, (params.get(params.size() - 1) + " " + more).strip());
                    default -> { }
                }
            }
        }
        if (title == null || title.isBlank()) {
            title = name.replace('-', ' ').replace('_', ' ');
        }
        return new Entry(name, title, description.toString(), params.stream().map(CannedQueries::param).toList(), text);
    }

    private static void append(StringBuilder b, String more) {
        if (!more.isEmpty()) {
            b.append(b.length() == 0 ? "" : " ").append(more);
        }
    }

    /** {@code name : type [= default] : description}, any part possibly missing. */
    private static Param param(String declared) {
        String[] parts = declared.split("\\s*:\\s+", 3);
        String name = parts[0].strip();
        String type = parts.length > 1 ? parts[1].strip() : "string";
        String dflt = null;
        int eq = type.indexOf('=');
        if (eq >= 0) {
            dflt = type.substring(eq + 1).strip();
            type = type.substring(0, eq).strip();
        }
        String description = parts.length > 2 ? parts[2].strip() : "";
        return new Param(name, type, dflt, description);
    }

    /** The entries as the JSON array {@code /queries} answers. */
    static String toJson(List<Entry> entries) {
        StringBuilder json = new StringBuilder("[");
        for (Entry e : entries) {
            json.append(json.length() > 1 ? ",\n" : "\n").append("{\"name\":").append(Json.string(e.name()))
                    .append(",\"title\":").append(Json.string(e.title()))
                    .append(",\"description\":").append(Json.string(e.description()))
                    .append(",\"params\":[");
            for (int i = 0; i < e.params().size(); i++) {
                Param p = e.params().get(i);
                json.append(i > 0 ? "," : "").append("{\"name\":").append(Json.string(p.name()))
                        .append(",\"type\":").append(Json.string(p.type()))
                        .append(",\"default\":").append(p.defaultValue() == null ? "null" : Json.string(p.defaultValue()))
                        .append(",\"description\":").append(Json.string(p.description())).append('}');
            }
            json.append("],\"query\":").append(Json.string(e.query())).append('}');
        }
        return json.append("\n]\n").toString();
    }
}
