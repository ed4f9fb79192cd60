package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/** Test articles on disk, and what {@code convert} makes of them: the reference for the Spark job. */
final class Corpus {

    /** What {@code convert} gives for some paths: the dataset, and the failure messages. */
    record Converted(DatasetGraph dataset, Set<String> failures) {
    }

    private Corpus() {
    }

    /** The project's sample articles ({@code data/articles}), which the build passes in. */
    static Path samples() {
        String path = System.getProperty("newsgraph.samples");
        assertTrue(path != null && Files.isDirectory(Path.of(path)),
                "system property newsgraph.samples must name the sample articles folder, not " + path);
        return Path.of(path);
    }

    static void copySamples(Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(samples())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
    }

    /** Runs the same reader and converter as {@code newsgraph convert} in this JVM. */
    static Converted convert(List<Path> paths) {
        return convert(paths, IriMinter.DEFAULT_BASE);
    }

    /** As {@code newsgraph convert --base BASE}. */
    static Converted convert(List<Path> paths, String base) {
        ArticleConverter converter = ArticleConverter.builder().iris(new IriMinter(base)).build();
        DatasetGraph dataset = DatasetGraphFactory.create();
        Set<String> failures = new TreeSet<>();
        try (Stream<ReadResult> results = ArticleReader.create().read(paths)) {
            results.forEach(result -> {
                if (result instanceof ReadResult.Success s) {
                    converter.convert(s.article()).forEach(dataset::add);
                } else {
                    failures.add(((ReadResult.Failure) result).message());
                }
            });
        }
        return new Converted(dataset, failures);
    }

    /** Spark names local files {@code file:/a/b}; the reader names them {@code /a/b}. */
    static String localSource(String message) {
        return message.replace("file:/", "/");
    }
}
