package org.newsgraph.nlp;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A CoreNLP annotator that stands in for coreference: no chains. CoreNLP's quote attribution
 * reads the chains and fails without them, though it attributes quotes well from its own
 * sieves; the extractor resolves pronouns by salience. Registered as {@code nocoref} by
 * {@link NlpProfile#FAST}.
 */
public final class NoCorefAnnotator implements edu.stanford.nlp.pipeline.Annotator {

    /** CoreNLP makes custom annotators with its name and the pipeline's properties. */
    public NoCorefAnnotator(String name, Properties props) {
    }

    @Override
    public void annotate(Annotation annotation) {
        annotation.set(CorefCoreAnnotations.CorefChainAnnotation.class, new HashMap<>());
        // Without chains every entity mention is its own canonical mention.
        List<CoreMap> mentions = annotation.get(CoreAnnotations.MentionsAnnotation.class);
        if (mentions != null) {
            for (CoreMap m : mentions) {
                m.set(CoreAnnotations.CanonicalEntityMentionIndexAnnotation.class,
                        m.get(CoreAnnotations.EntityMentionIndexAnnotation.class));
            }
        }
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of(CorefCoreAnnotations.CorefChainAnnotation.class,
                CoreAnnotations.CanonicalEntityMentionIndexAnnotation.class);
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of(CoreAnnotations.TokensAnnotation.class, CoreAnnotations.SentencesAnnotation.class);
    }
}
