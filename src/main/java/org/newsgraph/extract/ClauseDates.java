package org.newsgraph.extract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * The dates an article's time expressions give its clauses: for each sentence, the verb (or
 * event noun) each time phrase attaches to and the calendar value it has there; and the story's
 * own day, the recent day its lead reports ("The assembly on Wednesday approved ..."), which the
 * events it narrates in the past tense share.
 */
public final class ClauseDates {

    private static final Set<String> PAST_AUXILIARIES = Set.of("was", "were");
    /** Adverbs that put a past clause before the story's day. */
    private static final Set<String> ANTERIOR = Set.of("recently", "earlier", "previously", "already", "once",
            "formerly", "before");

    private final List<Map<Integer, TimeValue>> bySentence;
    private final Optional<TimeValue> storyDay;

    ClauseDates(List<Map<Integer, TimeValue>> bySentence, Optional<TimeValue> storyDay) {
        this.bySentence = bySentence.stream().map(Map::copyOf).toList();
        this.storyDay = storyDay;
    }

    ClauseDates(List<Map<Integer, TimeValue>> bySentence) {
        this(bySentence, Optional.empty());
    }

    /** The date a time phrase gives token {@code token} of sentence {@code sentence} itself. */
    public Optional<TimeValue> at(int sentence, int token) {
        return sentence < bySentence.size() ? Optional.ofNullable(bySentence.get(sentence).get(token)) : Optional.empty();
    }

    /** The verb's own date, else that of the clause it hangs from ("blocked the bridge on Tuesday to demand ..."). */
    public Optional<TimeValue> ofClause(Sentence s, int verb) {
        for (int v : DependencyPaths.upBy(s, verb, DependencyPaths.SHARED_CLAUSE)) {
            Optional<TimeValue> t = at(s.index(), v);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The day of the story the article reports, when its lead gives one. */
    public Optional<TimeValue> storyDay() {
        return storyDay;
    }

    /**
     * The story's day for an undated clause that narrates it: a verb in the simple past, active
     * ("approved") or passive ("were rejected"), outside a sentence with a date of its own. Not a
     * past perfect ("had won": an earlier time) or a clause set before the story ("recently
 * announced"), a present or a future.
     */
    public Optional<TimeValue> ofNarration(Sentence s, int verb) {
        if (storyDay.isEmpty() || !bySentence.get(s.index()).isEmpty()) {
            return Optional.empty();
        }
        Token v = s.token(verb);
        boolean simplePast = v.pos().equals("VBD") && s.children(verb, "aux").isEmpty();
        boolean passivePast = v.pos().equals("VBN") && s.children(verb, "aux").isEmpty()
                && s.children(verb, "aux:pass").stream().anyMatch(a -> PAST_AUXILIARIES.contains(
                        s.token(a).word().toLowerCase(java.util.Locale.ROOT)));
        boolean earlier = DependencyPaths.hasChildWord(s, verb, "advmod", ANTERIOR);
        return (simplePast || passivePast) && !earlier ? storyDay : Optional.empty();
    }
}
