package org.newsgraph.nlp;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.newsgraph.error.ConfigurationException;
import org.newsgraph.error.NewsgraphException;

/**
 * CoreNLP's fine-grained NER gazetteers (titles, countries, states, cities, nationalities) without
 * their regular-expression entries, written once per process to temporary files. A literal
 * entry is found by a look-up; each of the 1,200 regular expressions is tried at every token,
 * which made fine-grained NER most of CoreNLP's time. What goes is a few abbreviations ("Calif.",
 * "u.s.", "gunnery sgt.") and e-mail and URL patterns.
 */
final class LiteralGazetteers {

    private static final String DIR = "edu/stanford/nlp/models/kbp/english/gazetteers/";
    private static final Pattern REGEX = Pattern.compile("[\\[\\]()*+?\\\\|{}^$]");

    private static String mapping;

    /** The value of {@code ner.fine.regexner.mapping} that reads the filtered files, made on first call. */
    static synchronized String mapping() {
        if (mapping == null) {
            // The same options as CoreNLP's default mapping: the caseless list only tags nouns and adjectives.
            mapping = "ignorecase=true,validpospattern=(NN|JJ|ADD).*," + write("regexner_caseless.tab") + ";"
                    + write("regexner_cased.tab");
        }
        return mapping;
    }

    private static Path write(String name) {
        try (InputStream in = LiteralGazetteers.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new ConfigurationException("cannot find " + DIR + name
                        + " on the class path (is the stanford-corenlp models jar there?)");
            }
            Path out = Files.createTempFile("newsgraph-" + name.replace(".tab", "-"), ".tab");
            out.toFile().deleteOnExit();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                 BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && !REGEX.matcher(line.substring(0, tab)).find()) {
                        w.write(line);
                        w.newLine();
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new NewsgraphException("cannot write the NER gazetteer " + name + " to a temporary file: "
                    + e.getMessage(), e);
        }
    }

    private LiteralGazetteers() {
    }
}
