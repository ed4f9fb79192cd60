package org.newsgraph.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsgraph.error.BadInputException;

/**
 * A user's rules for resolution, one per line, tab-separated: {@code forbid A B} keeps the two
 * persons apart (names, any case, or IRIs), which also undoes a merge of them made before.
 * Blank lines and lines starting with {@code #} are ignored.
 */
public final class MergeRules {

    private record Pair(String a, String b) {
    }

    private final List<Pair> forbidden;

    private MergeRules(List<Pair> forbidden) {
        this.forbidden = List.copyOf(forbidden);
    }

    /** No rules. */
    public static MergeRules none() {
        return new MergeRules(List.of());
    }

    /** The rules of {@code file}; a bad line is a {@link BadInputException} naming the file and line. */
    public static MergeRules read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the rules file (" + e.getMessage() + ")");
        }
        return parse(lines, file.toString());
    }

    static MergeRules parse(List<String> lines, String source) {
        List<Pair> pairs = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3 || !f[0].strip().equals("forbid") || f[1].isBlank() || f[2].isBlank()) {
                throw new BadInputException(source + ":" + (n + 1)
                        + ": expected \"forbid<TAB>name or IRI<TAB>name or IRI\", found: " + line);
            }
            pairs.add(new Pair(key(f[1]), key(f[2])));
        }
        return new MergeRules(pairs);
    }

    private static String key(String nameOrIri) {
        return nameOrIri.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a rule keeps these two persons apart. */
    public boolean forbids(PersonRecord a, PersonRecord b) {
        for (Pair p : forbidden) {
            if (names(a, p.a()) && names(b, p.b()) || names(a, p.b()) && names(b, p.a())) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(PersonRecord person, String key) {
        return person.iri().toLowerCase(Locale.ROOT).equals(key)
                || person.labels().stream().anyMatch(l -> l.strip().toLowerCase(Locale.ROOT).equals(key));
    }
}
