package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;

/** Walks over a sentence's dependency tree that several rules share. */
final class DependencyPaths {

    private DependencyPaths() {
    }

    /**
     * Relations by which a clause hangs on another and shares its subject, its time and its mood:
     * "blocked the bridge to demand a vote" (xcomp), "said ... and added" (conj), "..., calling it a stunt" (advcl).
     */
    static final Set<String> SHARED_CLAUSE = Set.of("xcomp", "conj", "advcl");

    /** The governor of {@code token} when it hangs on it by one of {@code relations}. */
    static Optional<Integer> governorBy(Sentence s, int token, Set<String> relations) {
        Optional<Dependency> up = s.headEdge(token);
        return up.isPresent() && up.get().governor() >= 0 && relations.contains(up.get().relation())
                ? Optional.of(up.get().governor()) : Optional.empty();
    }

    /**
     * {@code token}, then its governor while each hangs on the next by one of {@code relations}:
     * a clause and the clauses it depends on, nearest first.
     */
    static List<Integer> upBy(Sentence s, int token, Set<String> relations) {
        List<Integer> chain = new ArrayList<>();
        Optional<Integer> v = Optional.of(token);
        for (int guard = 0; v.isPresent() && guard < s.tokens().size(); guard++) {
            chain.add(v.get());
            v = governorBy(s, v.get(), relations);
        }
        return chain;
    }

    /** Whether {@code head} has a child by {@code baseRelation} whose word, in lower case, is one of {@code words}. */
    static boolean hasChildWord(Sentence s, int head, String baseRelation, Set<String> words) {
        for (Dependency d : s.children(head)) {
            if (d.baseRelation().equals(baseRelation) && words.contains(s.token(d.dependent()).word().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
