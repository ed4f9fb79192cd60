package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Mention;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Anchors each time expression to the clause it dates: the nearest verb or event noun above its
 * phrase, with the value SUTime resolved against the article date ("on Saturday", "last year"),
 * a weekday of a past-tense verb moved to the last such day before publication.
 */
final class DateAnchoring implements ExtractionStep {

    static final Set<String> TIME_TYPES = Set.of("DATE", "TIME");

    private final Lexicon lexicon;

    DateAnchoring(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.CLAUSE_DATES);
    }

    @Override
    public void apply(ArticleContext context) {
        AnnotatedDocument doc = context.get(Slots.DOCUMENT);
        List<Map<Integer, TimeValue>> bySentence = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            bySentence.add(clauseDates(doc, s));
        }
        context.put(Slots.CLAUSE_DATES, new ClauseDates(bySentence, storyDay(doc, bySentence)));
    }

    /** How far into the article its lead reaches, in sentences. */
    private static final int LEAD_SENTENCES = 2;
    private static final java.util.regex.Pattern FULL_STOP = java.util.regex.Pattern.compile("[.!?][\"'”’)]*\\s*$");
    /** How many days before publication a story's own day can be: a weekly's news peg. */
    private static final int NEWS_PEG_DAYS = 7;

    /**
     * The day the article's lead reports, if its first sentences date a clause to a day in the
     * week before publication ("The assembly on Wednesday approved ...").
     */
    private static Optional<TimeValue> storyDay(AnnotatedDocument doc, List<Map<Integer, TimeValue>> bySentence) {
        if (doc.date().isEmpty()) {
            return Optional.empty();
        }
        java.time.LocalDate published = doc.date().get();
        int lead = 0;
        for (int i = 0; i < bySentence.size() && lead < LEAD_SENTENCES; i++) {
            if (!FULL_STOP.matcher(doc.sentences().get(i).text()).find()) {
                continue; // a headline, a section label or a teaser line is not the lead
            }
            lead++;
            for (TimeValue t : bySentence.get(i).values()) {
                if (t.granularity() == TimeValue.Granularity.DAY) {
                    java.time.LocalDate day = java.time.LocalDate.parse(t.lexical());
                    if (!day.isAfter(published) && !day.isBefore(published.minusDays(NEWS_PEG_DAYS))) {
                        return Optional.of(t);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Each time expression of the sentence, keyed by the verb its phrase attaches to. */
    private Map<Integer, TimeValue> clauseDates(AnnotatedDocument doc, Sentence s) {
        Map<Integer, TimeValue> out = new HashMap<>();
        for (Mention m : doc.mentions()) {
            if (m.span().sentence() != s.index() || !TIME_TYPES.contains(m.type()) && !m.type().equals("DURATION")) {
                continue;
            }
            Optional<TimeValue> value = valueOf(m, s, doc);
            if (value.isEmpty() || endsOrLimits(s, m)) {
                continue;
            }
            int head = m.span().end() - 1;
            for (int guard = 0; guard < s.tokens().size(); guard++) {
                Optional<Dependency> up = s.headEdge(head);
                if (up.isEmpty() || up.get().governor() < 0) {
                    break;
                }
                head = up.get().governor();
                if (s.token(head).isVerb() || lexicon.eventNouns().contains(s.token(head).lemma().toLowerCase(Locale.ROOT))) {
                    out.putIfAbsent(head, weekday(value.get(), m, s, head, doc));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * "adjourned the hearing until July 1", "must report by Friday": a time the event lasts until
     * or must happen by is not when it happened.
     */
    private static boolean endsOrLimits(Sentence s, Mention m) {
        int first = m.span().start();
        String before = first > 0 ? s.token(first - 1).word().toLowerCase(Locale.ROOT) : "";
        String own = s.token(first).word().toLowerCase(Locale.ROOT);
        return UNTIL.contains(before) || UNTIL.contains(own);
    }

    private static final Set<String> UNTIL = Set.of("until", "till", "til", "by", "through");

    /**
     * The value of a time expression: SUTime's, except that a span of time counted back from
     * publication ("22 days back", "three weeks ago") is the day it reaches, and "a month ago" or
     * "two years ago" is only as precise as its unit (a month, a year).
     */
    private static Optional<TimeValue> valueOf(Mention m, Sentence s, AnnotatedDocument doc) {
        if (m.type().equals("DURATION")) {
            java.util.regex.Matcher d = AMOUNT.matcher(m.normalized() == null ? "" : m.normalized());
            boolean back = m.span().end() < s.tokens().size()
                    && BACK.matcher(s.token(m.span().end()).word()).matches();
            if (!back || !d.matches() || doc.date().isEmpty()) {
                return Optional.empty();
            }
            int n = Integer.parseInt(d.group(1));
            java.time.LocalDate published = doc.date().get();
            return Optional.of(switch (d.group(2)) {
                case "D" -> new TimeValue(published.minusDays(n).toString(), TimeValue.Granularity.DAY);
                case "W" -> new TimeValue(published.minusWeeks(n).toString(), TimeValue.Granularity.DAY);
                case "M" -> new TimeValue(published.minusMonths(n).toString().substring(0, 7), TimeValue.Granularity.MONTH);
                default -> new TimeValue(String.valueOf(published.minusYears(n).getYear()), TimeValue.Granularity.YEAR);
            });
        }
        Optional<TimeValue> value = TimeValue.fromTimex(m.normalized());
        if (value.isPresent() && value.get().granularity() == TimeValue.Granularity.DAY) {
            String day = value.get().lexical();
            if (MONTHS_AGO.matcher(m.text()).find()) {
                return Optional.of(new TimeValue(day.substring(0, 7), TimeValue.Granularity.MONTH));
            }
            if (YEARS_AGO.matcher(m.text()).find()) {
                return Optional.of(new TimeValue(day.substring(0, 4), TimeValue.Granularity.YEAR));
            }
        }
        return value;
    }

    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("P(\\d{1,4})([DWMY])");
    private static final java.util.regex.Pattern BACK = java.util.regex.Pattern.compile("(?i)back|ago|earlier");
    private static final java.util.regex.Pattern MONTHS_AGO = java.util.regex.Pattern.compile("(?i)\\bmonths?\\s+(ago|back)\\b");
    private static final java.util.regex.Pattern YEARS_AGO = java.util.regex.Pattern.compile("(?i)\\byears?\\s+(ago|back)\\b");

    /**
     * A bare weekday is the most recent one on or before publication ("was arrested on Saturday"
     * in a Monday paper is two days before), or the first one on or after it where the clause speaks of
     * the future ("will meet on Friday"), whichever one the time tagger chose:
     * its choice depends on the documents it saw before (stanfordnlp/CoreNLP#1061).
     */
    private static TimeValue weekday(TimeValue value, Mention m, Sentence s, int verb, AnnotatedDocument doc) {
        if (value.granularity() != TimeValue.Granularity.DAY || doc.date().isEmpty()
                || !BARE_WEEKDAY.matcher(m.text()).matches()) {
            return value;
        }
        java.time.LocalDate published = doc.date().get();
        java.time.DayOfWeek target = java.time.LocalDate.parse(value.lexical()).getDayOfWeek();
        java.time.LocalDate day = future(s, verb)
                ? published.with(java.time.temporal.TemporalAdjusters.nextOrSame(target))
                : published.with(java.time.temporal.TemporalAdjusters.previousOrSame(target));
        return new TimeValue(day.toString(), TimeValue.Granularity.DAY);
    }

    /**
     * Whether the clause of {@code verb} speaks of the future: "will", "shall" or "'ll" (not an
     * infinitive: "threatened on Saturday to attack" often hangs the day on the infinitive).
     */
    private static boolean future(Sentence s, int verb) {
        for (var d : s.children(verb)) {
            String w = s.token(d.dependent()).word().toLowerCase(Locale.ROOT);
            if (d.relation().equals("aux") && FUTURE_AUX.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> FUTURE_AUX = Set.of("will", "shall", "'ll", "wo");
    /** "Friday", "on Friday", "last Friday": a weekday with no other date. */
    private static final java.util.regex.Pattern BARE_WEEKDAY = java.util.regex.Pattern.compile(
            "(?i)((on|last|this|early|late) )?(mon|tues|wednes|thurs|fri|satur|sun)day( (morning|afternoon|evening|night))?");

}
