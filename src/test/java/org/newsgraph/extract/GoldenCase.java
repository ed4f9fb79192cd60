package org.newsgraph.extract;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.AnnotatedDocumentJson;
import org.newsgraph.read.Article;

/**
 * One golden folder, {@code src/test/resources/golden/NAME/}: an article written for the tests,
 * what CoreNLP made of it and the facts extraction found in it (see that folder's README.md).
 *
 * <ul>
 *   <li>{@code text.txt}: the article's text; line breaks at its end are not part of it</li>
 *   <li>{@code article.properties}: {@code date=yyyy-mm-dd}, the article's date (none: an undated article)</li>
 *   <li>{@code lexicon/}: optional, the user's word lists ({@link Lexicon#withExtensions(Path)})</li>
 *   <li>{@code annotated.json}: {@link AnnotatedDocumentJson} of the text, written by {@link FixtureWriter}</li>
 *   <li>{@code expected.json}: {@link FactList} of the extracted facts, reviewed, written on request</li>
 * </ul>
 *
 * Needs no CoreNLP: reading and extracting use only the JSON and the lexicon.
 */
record GoldenCase(String name, Path folder) {

    /** Where the golden folders are; tests and the fixture writer run in the project's folder. */
    static final Path ROOT = Path.of(System.getProperty("newsgraph.golden", "src/test/resources/golden"));

    static List<GoldenCase> all() {
        try (Stream<Path> folders = Files.list(ROOT)) {
            return folders.filter(Files::isDirectory).sorted()
                    .map(f -> new GoldenCase(f.getFileName().toString(), f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(ROOT.toAbsolutePath() + ": no golden folders (run from the project folder)", e);
        }
    }

    static GoldenCase named(String name) {
        Path folder = ROOT.resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder.toAbsolutePath() + ": no such golden folder");
        }
        return new GoldenCase(name, folder);
    }

    String text() {
        return read("text.txt").replaceFirst("[\\r\\n]+$", "");
    }

    Optional<LocalDate> date() {
        Properties p = new Properties();
        Path file = folder.resolve("article.properties");
        if (Files.exists(file)) {
            try {
                p.load(new StringReader(read("article.properties")));
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
        return Optional.ofNullable(p.getProperty("date")).map(String::strip).map(LocalDate::parse);
    }

    /** The article, its id the folder's name. */
    Article article() {
        return Article.of(name, date().orElse(null), text());
    }

    Lexicon lexicon() {
        Path dir = folder.resolve("lexicon");
        return Files.isDirectory(dir) ? Lexicon.withExtensions(dir) : Lexicon.builtIn();
    }

    Path annotatedFile() {
        return folder.resolve("annotated.json");
    }

    Path expectedFile() {
        return folder.resolve("expected.json");
    }

    AnnotatedDocument annotated() {
        return AnnotatedDocumentJson.read(annotatedFile());
    }

    /**
     * The facts the current rules find in the saved annotations. The learned attribution step is
     * left out: its findings change with each retraining, and LearnedAttributionTest tests it.
     */
    ArticleFacts extract() {
        return Extractor.create(lexicon(), Extractor.StatementFinders.RULES).extract(article(), annotated());
    }

    String expectedJson() {
        return read("expected.json");
    }

    private String read(String file) {
        try {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(folder.resolve(file) + ": cannot read (golden folder " + name + ")", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
