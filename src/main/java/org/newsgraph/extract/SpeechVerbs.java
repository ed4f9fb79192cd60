package org.newsgraph.extract;

import java.util.Optional;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/** The speech verbs of a text and who speaks through them. */
final class SpeechVerbs {

    private SpeechVerbs() {
    }

    /** A verb whose lemma is one of the lexicon's speech verbs. */
    static boolean isSpeechVerb(Token t, Lexicon lexicon) {
        return t.isVerb() && lexicon.speechVerbs().contains(t.lemma().toLowerCase());
    }

    /** The verb's subject, or for a participle clause ("..., dismissing them") its governor's subject. */
    static Optional<Entity> speakerOf(Sentence s, int verb, AgentResolver agents) {
        for (int subj : s.children(verb, "nsubj")) {
            if (!s.headEdge(subj).map(d -> d.relation().equals("nsubj:pass")).orElse(false)) {
                return agents.resolve(s, subj);
            }
        }
        Optional<Integer> governor = DependencyPaths.governorBy(s, verb, DependencyPaths.SHARED_CLAUSE);
        if (governor.isPresent()) {
            for (int subj : s.children(governor.get(), "nsubj")) {
                return agents.resolve(s, subj);
            }
        }
        boolean root = s.headEdge(verb).map(d -> d.governor() < 0).orElse(false);
        if (root && s.children(verb, "nsubj:pass").isEmpty()) {
            return agents.recentSubject(s); // "But told reporters: ..." continues the last speaker
        }
        return Optional.empty();
    }
}
