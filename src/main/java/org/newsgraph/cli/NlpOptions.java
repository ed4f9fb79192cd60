package org.newsgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.newsgraph.error.BadInputException;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.pipeline.ArticleConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How the commands that convert articles (convert, ingest, serve) run the NLP and the
 * extraction: {@code --threads}, {@code --profile} and {@code --lexicon}, a picocli mixin.
 */
final class NlpOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "How many articles are converted at once, sharing one set of models "
                    + "(default: the number of processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "fast",
            description = "fast (default) or accurate: the CoreNLP settings; accurate adds statistical coreference "
                    + "and every NER model, at several times the time per article (see the README's Performance).")
    String profile;

    @Option(names = "--lexicon", paramLabel = "DIR",
            description = "A folder of extra word lists (titles.txt, speech-verbs.txt, event-triggers.txt, ... and "
                    + "known-entities.tsv; see the README's Word lists), added to the built-in ones.")
    Path lexicon;

    /**
     * Checks the options before anything runs: ingest and serve make their converter only when
     * a first article needs it, and a mistyped folder should not fail every article then.
     *
     * @throws ParameterException for an unknown profile or a lexicon folder that is not there
     */
    void check(CommandSpec spec) {
        try {
            NlpProfile.named(profile);
        } catch (BadInputException e) {
            throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
        if (lexicon != null && !Files.isDirectory(lexicon)) {
            throw new ParameterException(spec.commandLine(), "--lexicon " + lexicon + ": no such folder");
        }
    }

    /**
     * A converter builder with the chosen profile and word lists, or with {@code annotator}
     * instead of the profile when it is not {@code null} (tests).
     */
    ArticleConverter.Builder converter(Annotator annotator) {
        ArticleConverter.Builder b = ArticleConverter.builder().profile(NlpProfile.named(profile))
                .lexicon(lexicon == null ? Lexicon.builtIn() : Lexicon.withExtensions(lexicon));
        return annotator == null ? b : b.annotator(annotator);
    }
}
