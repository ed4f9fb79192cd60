package org.newsgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.newsgraph.error.BadInputException;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.pipeline.NlpBudget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How the commands that convert articles (convert, ingest, serve) run the NLP and the
 * extraction: {@code --threads}, {@code --profile}, {@code --lexicon} and the budget of one
 * article ({@code --max-nlp-chars}, {@code --nlp-timeout}), a picocli mixin.
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

    @Option(names = "--max-nlp-chars", paramLabel = "N",
            description = "The longest article text the NLP takes, in characters (default: ${DEFAULT-VALUE}; a long news "
                    + "article is 30,000 to 60,000). A longer one fails with an error naming it; the others go on.")
    int maxNlpChars = NlpBudget.DEFAULT_MAX_CHARS;

    @Option(names = "--nlp-timeout", paramLabel = "SECONDS",
            description = "The longest the NLP of one article may take, in seconds (default: ${DEFAULT-VALUE}). An article "
                    + "still running then is stopped and fails with an error naming it; the others go on.")
    double nlpTimeoutSeconds = NlpBudget.DEFAULT_TIME_LIMIT.toSeconds();

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
        if (maxNlpChars <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-nlp-chars must be a positive number of characters");
        }
        if (!(nlpTimeoutSeconds > 0) || Double.isInfinite(nlpTimeoutSeconds)) {
            throw new ParameterException(spec.commandLine(), "--nlp-timeout must be a positive number of seconds");
        }
    }

    /** The budget of one article's NLP that the options give. */
    NlpBudget budget() {
        return new NlpBudget(maxNlpChars, Duration.ofMillis(Math.max(1, Math.round(nlpTimeoutSeconds * 1000))));
    }

    /**
     * A converter builder with the chosen profile and word lists, or with {@code annotator}
     * instead of the profile when it is not {@code null} (tests).
     */
    ArticleConverter.Builder converter(Annotator annotator) {
        ArticleConverter.Builder b = ArticleConverter.builder().profile(NlpProfile.named(profile)).budget(budget())
                .lexicon(lexicon == null ? Lexicon.builtIn() : Lexicon.withExtensions(lexicon));
        return annotator == null ? b : b.annotator(annotator);
    }
}
