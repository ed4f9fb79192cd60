package org.newsgraph.extract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.nlp.Sentence;

/**
 * The dates an article's time expressions give its clauses: for each sentence, the verb (or
 * event noun) each time phrase attaches to and the calendar value it has there.
 */
public final class ClauseDates {

    private final List<Map<Integer, TimeValue>> bySentence;

    ClauseDates(List<Map<Integer, TimeValue>> bySentence) {
        this.bySentence = bySentence.stream().map(Map::copyOf).toList();
    }

    /** The date a time phrase gives token {@code token} of sentence {@code sentence} itself. */
    public Optional<TimeValue> at(int sentence, int token) {
        return sentence < bySentence.size() ? Optional.ofNullable(bySentence.get(sentence).get(token)) : Optional.empty();
    }

    /** The verb's own date, else that of the clause it hangs from ("stormed ... on Saturday to protest"). */
    public Optional<TimeValue> ofClause(Sentence s, int verb) {
        for (int v : DependencyPaths.upBy(s, verb, DependencyPaths.SHARED_CLAUSE)) {
            Optional<TimeValue> t = at(s.index(), v);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }
}
