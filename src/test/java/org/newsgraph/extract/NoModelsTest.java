package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model-free rule tests touch no CoreNLP class: the golden extraction runs in a class
 * loader built from the test class path minus every {@code edu.stanford.nlp} jar (the code and
 * its models), so any use of CoreNLP on that path fails with {@link NoClassDefFoundError}.
 */
class NoModelsTest {

    private static final String STANFORD = "/edu/stanford/nlp/";

    /** The test class path: surefire's own list when it runs the tests through a manifest jar. */
    private static List<String> testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    private static URLClassLoader withoutCoreNlp() throws MalformedURLException {
        List<String> all = testClassPath();
        List<URL> kept = new ArrayList<>();
        int dropped = 0;
        for (String entry : all) {
            if (entry.replace(File.separatorChar, '/').contains(STANFORD)) {
                dropped++;
            } else {
                kept.add(Path.of(entry).toUri().toURL());
            }
        }
        assertEquals(2, dropped, "stanford-corenlp and its models jar on the test class path: " + all);
        return new URLClassLoader(kept.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theChildLoaderReallyHasNoCoreNlp() throws Exception {
        try (URLClassLoader loader = withoutCoreNlp()) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("edu.stanford.nlp.pipeline.StanfordCoreNLP", false, loader));
            Class<?> run = Class.forName(GoldenRun.class.getName(), false, loader);
            assertTrue(run.getClassLoader() == loader, "GoldenRun must come from the child loader, not the test's");
        }
    }

    @Test
    void goldenExtractionRunsWithoutAnyCoreNlpClass() throws Exception {
        try (URLClassLoader loader = withoutCoreNlp()) {
            Class<?> run = Class.forName(GoldenRun.class.getName(), true, loader);
            @SuppressWarnings("unchecked")
            List<String> results = (List<String>) run.getMethod("checkAll").invoke(null);
            assertEquals(GoldenCase.all().size(), results.size());
            List<String> failed = results.stream().filter(r -> !r.endsWith(": ok")).toList();
            assertTrue(failed.isEmpty(), String.join("\n", failed));
            assertFalse(results.isEmpty());
        }
    }

    @Test
    void theLearnedAttributionStepRunsWithoutAnyCoreNlpClass() throws Exception {
        try (URLClassLoader loader = withoutCoreNlp()) {
            Class<?> run = Class.forName(GoldenRun.class.getName(), true, loader);
            int added = (Integer) run.getMethod("learnedStatements").invoke(null);
            assertTrue(added > 0, "the shipped model added no statement to the golden folders' rules");
        }
    }
}
