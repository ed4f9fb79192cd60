package org.newsgraph.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.AnnotatedDocumentJson;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;

/**
 * Writes the golden folders' fixtures from real CoreNLP output (default profile): for each
 * folder, {@code annotated.json} from {@code text.txt} and the date in {@code article.properties};
 * with {@code --expected}, also {@code expected.json}, the facts the current extraction finds.
 * Without it the expected facts are left alone and any folder whose new annotations no longer
 * give them is listed, so a change of expected facts is always a reviewed step.
 *
 * <pre>
 * bench/regenerate-fixtures                      # every folder's annotated.json
 * bench/regenerate-fixtures NAME...              # only these folders
 * bench/regenerate-fixtures --expected NAME...   # and their expected.json (review the diff!)
 * bench/regenerate-fixtures --expected --saved NAME...   # expected.json from the saved annotations, no models
 * </pre>
 *
 * A new case: make {@code src/test/resources/golden/NAME/} with {@code text.txt} and
 * {@code article.properties}, run {@code bench/regenerate-fixtures --expected NAME}, read the
 * expected.json it wrote and commit the folder.
 */
public final class FixtureWriter {

    private FixtureWriter() {
    }

    public static void main(String[] args) {
        boolean expected = false;
        boolean saved = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--expected")) {
                expected = true;
            } else if (arg.equals("--saved")) {
                saved = true;
            } else if (arg.startsWith("-")) {
                System.err.println("usage: bench/regenerate-fixtures [--expected] [--saved] [NAME...]");
                System.exit(2);
            } else {
                names.add(arg);
            }
        }
        List<GoldenCase> cases = names.isEmpty() ? GoldenCase.all()
                : names.stream().map(GoldenCase::named).toList();
        // --saved: the annotations already in the folder, so expected facts follow an extraction change without the models
        Annotator annotator = saved ? null : CoreNlpAnnotator.shared(NlpProfile.DEFAULT);
        List<String> stale = new ArrayList<>();
        for (GoldenCase c : cases) {
            AnnotatedDocument doc;
            if (saved) {
                doc = AnnotatedDocumentJson.read(c.annotatedFile());
            } else {
                doc = annotator.annotate(c.text(), c.date());
                AnnotatedDocumentJson.write(doc, c.annotatedFile());
            }
            ArticleFacts facts = Extractor.create(c.lexicon(), Extractor.StatementFinders.RULES).extract(c.article(), doc); // as GoldenCase.extract
            String wrote = saved ? "" : "annotated.json";
            if (expected) {
                write(c, FactList.write(facts));
                wrote += saved ? "expected.json" : ", expected.json";
            } else if (!Files.exists(c.expectedFile())) {
                stale.add(c.name() + ": no expected.json yet");
            } else {
                Optional<String> diff = FactList.differences(c.expectedJson(), facts);
                diff.ifPresent(d -> stale.add(c.name() + ":\n" + d));
            }
            System.err.println(c.name() + ": " + wrote);
        }
        if (!stale.isEmpty()) {
            System.err.println("\nThe new annotations no longer give the expected facts of:\n" + String.join("\n", stale)
                    + "\nIf the new facts are right, run again with --expected and these names, and review the diff.");
            System.exit(1);
        }
    }

    private static void write(GoldenCase c, String json) {
        try {
            Files.writeString(c.expectedFile(), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(c.expectedFile().toString(), e);
        }
    }
}
