package org.newsgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way through the packages of the main classes: the JDK's jdeps reads
 * {@code target/classes} at package level (the byte code, so a dependency hidden in a fully
 * qualified name counts too) and the rules of STYLE.md are checked on that graph.
 * {@code bench/package-deps} prints the same graph for people.
 */
class PackageDependenciesTest {

    private static final String ROOT = "org.newsgraph";
    /** "   org.newsgraph.cli    -> org.newsgraph.store    classes": one package's dependency on another. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    /** Each org.newsgraph package, with every package (ours, the JDK's, libraries') it uses. */
    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void readTheClasses() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("org/newsgraph")), "compile first: no " + classes);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("jdeps is not in this JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", classes.toString());
        assertEquals(0, status, err.toString());
        uses = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && isOurs(m.group(1))) {
                uses.computeIfAbsent(m.group(1), p -> new TreeSet<>()).add(m.group(2));
            }
        }
    }

    @Test
    void jdepsSeesEveryStageOfTheMainClasses() {
        Set<String> stages = Set.of("read", "nlp", "extract", "rdf", "store", "pipeline", "query", "transfer", "server", "cli", "error",
                "resolve", "audit");
        for (String stage : stages) {
            assertTrue(uses.containsKey(ROOT + "." + stage) || usedBySome(ROOT + "." + stage), stage + " not found in " + uses.keySet());
        }
    }

    @Test
    void theNewsgraphPackagesDependOnEachOtherWithoutACycle() {
        Map<String, Set<String>> ours = new TreeMap<>();
        uses.forEach((p, used) -> ours.put(p, used.stream().filter(PackageDependenciesTest::isOurs).collect(Collectors.toCollection(TreeSet::new))));
        List<String> cycle = findCycle(ours);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
    }

    @Test
    void theStoreIsASinkThatKnowsNeitherThePipelineNorTheNlpNorTheExtraction() {
        assertUsesNone("store", Set.of(ROOT, ROOT + ".pipeline", ROOT + ".nlp", ROOT + ".extract", ROOT + ".cli", ROOT + ".server"));
    }

    @Test
    void resolutionWorksOnTheStoreAloneWithoutTheNlpOrTheExtraction() {
        assertUsesNone("resolve", Set.of(ROOT, ROOT + ".pipeline", ROOT + ".nlp", ROOT + ".extract", ROOT + ".cli",
                ROOT + ".server", ROOT + ".query", ROOT + ".transfer"));
    }

    @Test
    void theAuditReadsTheStoreAloneWithoutTheNlpOrTheExtraction() {
        assertUsesNone("audit", Set.of(ROOT, ROOT + ".pipeline", ROOT + ".nlp", ROOT + ".extract", ROOT + ".cli",
                ROOT + ".server", ROOT + ".query", ROOT + ".transfer"));
    }

    @Test
    void theErrorsDependOnNoStage() {
        assertUsesNone("error", uses.keySet());
    }

    @Test
    void onlyNlpUsesCoreNlp() {
        assertOnlyUser("nlp", "edu.stanford.nlp");
    }

    @Test
    void onlyServerUsesFusekiOrJetty() {
        assertOnlyUser("server", "org.apache.jena.fuseki");
        assertOnlyUser("server", "org.eclipse.jetty");
    }

    @Test
    void onlyCliUsesPicocli() {
        assertOnlyUser("cli", "picocli");
    }

    private static void assertUsesNone(String stage, Set<String> forbidden) {
        Set<String> used = new TreeSet<>(uses.getOrDefault(ROOT + "." + stage, Set.of()));
        used.retainAll(forbidden);
        used.remove(ROOT + "." + stage);
        assertTrue(used.isEmpty(), stage + " depends on " + used);
    }

    /** No package but {@code stage} uses {@code library} or a package under it. */
    private static void assertOnlyUser(String stage, String library) {
        Set<String> users = new TreeSet<>();
        uses.forEach((p, used) -> {
            if (used.stream().anyMatch(u -> u.equals(library) || u.startsWith(library + "."))) {
                users.add(p);
            }
        });
        assertTrue(users.contains(ROOT + "." + stage), stage + " does not use " + library + ": is the check reading the right classes?");
        users.remove(ROOT + "." + stage);
        assertTrue(users.isEmpty(), "only " + stage + " may use " + library + ", not " + users);
    }

    private static boolean usedBySome(String pkg) {
        return uses.values().stream().anyMatch(used -> used.contains(pkg));
    }

    private static boolean isOurs(String pkg) {
        return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
    }

    /** A cycle in {@code graph} as its packages, the first repeated at the end; empty when there is none. */
    static List<String> findCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>(); // absent: not visited, 1: on the path, 2: done
        List<String> path = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> cycle = visit(start, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = visit(next, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
