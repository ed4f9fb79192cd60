package org.newsgraph.cli;

import org.newsgraph.ArticleConverter;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.NlpProfile;
import picocli.CommandLine.Option;

/** How the commands that convert articles run the NLP: {@code --threads} and {@code --profile}, a picocli mixin. */
final class NlpOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "How many articles are converted at once, sharing one set of models "
                    + "(default: the number of processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "fast",
            description = "fast (default) or accurate: the CoreNLP settings; accurate adds statistical coreference "
                    + "and every NER model, at several times the time per article (see the README's Performance).")
    String profile;

    /** A converter builder with the chosen profile, or with {@code annotator} when it is not {@code null} (tests). */
    ArticleConverter.Builder converter(Annotator annotator) {
        ArticleConverter.Builder b = ArticleConverter.builder().profile(NlpProfile.named(profile));
        return annotator == null ? b : b.annotator(annotator);
    }
}
