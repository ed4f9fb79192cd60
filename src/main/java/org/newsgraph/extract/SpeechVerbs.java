package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        // nearest the verb first: where the parser hung a body named before a title and a name on
        // the verb as a second subject ("X Party (XP) Province President First Last claimed ..."),
        // the name next to the verb is who speaks
        List<Integer> subjects = new ArrayList<>(s.children(verb, "nsubj"));
        subjects.sort(Comparator.comparingInt(subj -> Math.abs(verb - subj)));
        for (int subj : subjects) {
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
