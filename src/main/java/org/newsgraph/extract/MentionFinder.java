package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Mention;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Span;
import org.newsgraph.nlp.Token;

/**
 * Finds the names in a document: NER mentions of persons, organizations and places, joined
 * across hyphens ("MQM - P" is one name), honorifics dropped, plus well-known organizations
 * that NER missed; places of the {@link Gazetteer} are places whatever NER took them for, and
 * its provinces and countries are found where NER missed them ("K-P").
 */
final class MentionFinder implements ExtractionStep {

    private static final int MAX_KNOWN_NAME_TOKENS = 7;

    private final Lexicon lexicon;
    private final Gazetteer gazetteer;
    private final GovernmentNames governments;
    /** {@link Lexicon#notPersonNames} as compared: case, spaces and hyphens aside. */
    private final Set<String> notPersonNames;

    MentionFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.gazetteer = Gazetteer.builtIn();
        this.governments = new GovernmentNames(gazetteer);
        this.notPersonNames = lexicon.notPersonNames().stream().map(MentionFinder::compact)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.NAME_MENTIONS);
    }

    @Override
    public void apply(ArticleContext context) {
        context.put(Slots.NAME_MENTIONS, find(context.get(Slots.DOCUMENT)));
    }

    private List<NameMention> find(AnnotatedDocument doc) {
        List<NameMention> out = new ArrayList<>();
        for (Mention m : doc.mentions()) {
            kindOf(m.type()).flatMap(kind -> fromNer(doc, m, kind)).ifPresent(out::add);
        }
        for (Sentence s : doc.sentences()) {
            out.addAll(knownNames(s));
            out.addAll(gazetteerNames(s));
            out.addAll(headedOrganizations(s));
            out.addAll(honorificNames(s, out));
        }
        out.addAll(governments.find(doc, out));
        return resolveOverlaps(out);
    }

    private static Optional<EntityKind> kindOf(String nerType) {
        switch (nerType) {
            case "PERSON":
                return Optional.of(EntityKind.PERSON);
            case "ORGANIZATION":
                return Optional.of(EntityKind.ORGANIZATION);
            case "LOCATION": case "CITY": case "STATE_OR_PROVINCE": case "COUNTRY":
                return Optional.of(EntityKind.PLACE);
            default:
                return Optional.empty();
        }
    }

    private Optional<NameMention> fromNer(AnnotatedDocument doc, Mention m, EntityKind nerKind) {
        Sentence s = doc.sentence(m.span().sentence());
        int start = m.span().start();
        int end = m.span().end();
        if (s.token(start).isPronoun() || !Character.isUpperCase(s.token(start).word().codePointAt(0))
                && !Character.isDigit(s.token(start).word().codePointAt(0))) {
            return Optional.empty(); // "he", "his": coreference handles pronouns
        }
        int[] joined = joinHyphens(s, start, end);
        start = joined[0];
        end = joined[1];
        while (start < end - 1 && nerKind == EntityKind.PERSON && lexicon.isHonorific(s.token(start).word())) {
            start++;
        }
        if (nerKind == EntityKind.PERSON) {
            start = afterLeadingTitle(s, start, end);
        }
        while (end > start + 1 && isPossessiveOrPunct(s.token(end - 1))) {
            end--;
        }
        String text = Names.clean(s.textOf(start, end));
        if (text.isEmpty() || nerKind == EntityKind.PERSON && isNotAPersonsName(text)
                || nerKind == EntityKind.ORGANIZATION && lexicon.bareBodyNouns().contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.empty(); // "the House", "the Committee": no body of its own
        }
        // "KE", "NADRA": a person is never written in capitals alone
        EntityKind kind = nerKind == EntityKind.PERSON && isAcronym(text, 6) ? EntityKind.ORGANIZATION : nerKind;
        // A known organization wins over NER's kind ("Labour" tagged as a person); a known person
        // or place only gives a name of the same kind its canonical form.
        Lexicon.KnownEntity known = lexicon.findKnown(text)
                .filter(k -> k.kind() == kind || k.kind() == EntityKind.ORGANIZATION && kind != EntityKind.PLACE)
                .orElse(null);
        if (known == null && (kind == EntityKind.PLACE || !named(s, m.span().start()))) {
            // "Sindh" tagged as a person is the province, unless a title or honorific makes it a name
            known = gazetteer.find(text).map(Gazetteer.Place::asKnown).orElse(null);
        }
        EntityKind finalKind = known != null ? known.kind() : kind;
        return Optional.of(new NameMention(new Span(s.index(), start, end), finalKind, text, known));
    }

    /**
     * Where NER ran a person's name over what comes before it, the name starts after it: after the
     * last title inside the span ("Party Emir First Last", "DG First Last"), or after a leading
     * acronym ("ABCA First Last") or a place ("Lahore First Last"), when two words of name remain.
     */
    private int afterLeadingTitle(Sentence s, int start, int end) {
        int from = start;
        for (int k = start; k < end - 2; k++) {
            String w = s.token(k).word();
            boolean title = lexicon.titles().contains(w.toLowerCase(Locale.ROOT)) || s.token(k).ner().equals("TITLE");
            boolean acronym = k == start && isAcronym(w, 8);
            if (title || acronym) {
                from = k + 1;
            }
        }
        while (from < end - 2 && lexicon.isHonorific(s.token(from).word())) {
            from++;
        }
        // "Lahore First Last", "DSO Lahore First Last": a place the gazetteer knows before the name
        for (int n = Math.min(3, end - from - 2); n >= 1; n--) {
            if (gazetteer.find(s.textOf(from, from + n)).isPresent()) {
                return afterLeadingTitle(s, from + n, end);
            }
        }
        return from;
    }

    private boolean isNotAPersonsName(String text) {
        return notPersonNames.contains(compact(text));
    }

    private static String compact(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Capitals only, two to {@code max} of them ("KE", "PSGMEA"). */
    private static boolean isAcronym(String text, int max) {
        return text.length() >= 2 && text.length() <= max && text.codePoints().allMatch(Character::isUpperCase);
    }

    /** Widens a name over hyphens written without spaces: "MQM" "-" "P" is "MQM-P". */
    private static int[] joinHyphens(Sentence s, int start, int end) {
        List<Token> t = s.tokens();
        while (end + 1 < t.size() && t.get(end).word().equals("-") && touching(t.get(end - 1), t.get(end))
                && touching(t.get(end), t.get(end + 1)) && Character.isUpperCase(t.get(end + 1).word().charAt(0))) {
            end += 2;
        }
        while (start >= 2 && t.get(start - 1).word().equals("-") && touching(t.get(start - 2), t.get(start - 1))
                && touching(t.get(start - 1), t.get(start)) && Character.isUpperCase(t.get(start - 2).word().charAt(0))) {
            start -= 2;
        }
        return new int[] {start, end};
    }

    static boolean touching(Token a, Token b) {
        return a.end() == b.begin();
    }

    private static boolean isPossessiveOrPunct(Token t) {
        return t.pos().equals("POS") || t.word().matches("\\p{Punct}+") && !t.word().equals(")");
    }

    /** Well-known organizations, longest match first; acronyms must match case, other names need a capital. */
    private List<NameMention> knownNames(Sentence s) {
        List<NameMention> out = new ArrayList<>();
        List<Token> t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (!Character.isUpperCase(t.get(i).word().codePointAt(0))) {
                continue;
            }
            for (int j = Math.min(t.size(), i + MAX_KNOWN_NAME_TOKENS); j > i; j--) {
                String text = s.textOf(i, j);
                Optional<Lexicon.KnownEntity> known = lexicon.findKnown(text)
                        .filter(k -> k.kind() == EntityKind.ORGANIZATION);
                if (known.isPresent() && caseAgrees(text, known.get()) && !continuesName(t, i, j)
                        && !text.matches(".*[()\\[\\],;:\"“”].*")) {
                    out.add(new NameMention(new Span(s.index(), i, j), EntityKind.ORGANIZATION,
                            Names.clean(text), known.get()));
                    i = j - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** An honorific or a title at or before token {@code i}: what follows is a person's name. */
    private boolean named(Sentence s, int i) {
        for (int k = Math.max(0, i - 1); k <= i; k++) {
            String w = s.token(k).word();
            if (lexicon.isHonorific(w) || lexicon.titles().contains(w.toLowerCase(Locale.ROOT))
                    || s.token(k).ner().equals("TITLE")) {
                return true;
            }
        }
        return false;
    }

    /** Provinces and countries of the gazetteer that NER did not tag: "K-P", "Khyber Pakhtunkhwa". */
    private List<NameMention> gazetteerNames(Sentence s) {
        List<NameMention> out = new ArrayList<>();
        List<Token> t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (!Character.isUpperCase(t.get(i).word().codePointAt(0)) || !t.get(i).ner().equals("O")
                    && !t.get(i).ner().equals("PERSON") && !t.get(i).ner().equals("MISC")) {
                continue;
            }
            for (int j = Math.min(t.size(), i + MAX_PLACE_TOKENS); j > i; j--) {
                String text = s.textOf(i, j);
                Optional<Gazetteer.Place> place = gazetteer.find(text).filter(p -> p.kind() != Gazetteer.Kind.CITY);
                if (place.isPresent() && writtenAsListed(text, place.get()) && !continuesName(t, i, j)
                        && !text.matches(".*[()\\[\\],;:\"“”].*")) {
                    out.add(new NameMention(new Span(s.index(), i, j), EntityKind.PLACE, Names.clean(text),
                            place.get().asKnown()));
                    i = j - 1;
                    break;
                }
            }
        }
        return out;
    }

    private static final int MAX_PLACE_TOKENS = 5;

    /** An abbreviation counts only as the gazetteer writes it ("KP", not "Kp"; "US", never "us"). */
    private static boolean writtenAsListed(String text, Gazetteer.Place place) {
        String compact = text.replaceAll("\\s+", "");
        if (!compact.equals(compact.toUpperCase(Locale.ROOT)) || compact.length() > 6) {
            return true;
        }
        return place.name().replaceAll("\\s+", "").equals(compact)
                || place.aliases().stream().anyMatch(a -> a.replaceAll("\\s+", "").equals(compact));
    }

    /** A known name inside a longer hyphenated one ("PML" in "PML-N") is not that name. */
    private static boolean continuesName(List<Token> t, int i, int j) {
        return j < t.size() && t.get(j).word().equals("-") && touching(t.get(j - 1), t.get(j))
                || i > 0 && t.get(i - 1).word().equals("-") && touching(t.get(i - 1), t.get(i));
    }

    private static boolean caseAgrees(String text, Lexicon.KnownEntity known) {
        String compact = text.replaceAll("\\s+", "");
        boolean acronym = compact.equals(compact.toUpperCase(Locale.ROOT)) && compact.length() <= 6;
        if (!acronym) {
            return true;
        }
        for (String alias : known.aliases()) {
            if (alias.replaceAll("\\s+", "").equals(compact)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Capitalized words ending in an organization head noun ("the Northland Assembly",
     * "Federation of Small Traders"), not at the start of a sentence on their own.
     */
    private List<NameMention> headedOrganizations(Sentence s) {
        List<NameMention> out = new ArrayList<>();
        List<Token> t = s.tokens();
        int i = 0;
        while (i < t.size()) {
            if (!capitalizedName(t.get(i)) || i == 0 && t.size() > 1 && !capitalizedName(t.get(1))) {
                i++;
                continue;
            }
            int j = i;
            int lastHead = -1;
            while (j < t.size() && (capitalizedName(t.get(j)) || connector(t, j))) {
                if (capitalizedName(t.get(j)) && lexicon.orgSuffixes().contains(t.get(j).word().toLowerCase(Locale.ROOT))) {
                    lastHead = j;
                }
                j++;
            }
            int end = lastHead + 1;
            // "Federation of Small Traders": the head may come before "of ..."
            while (lastHead >= 0 && end + 1 < j && connector(t, end) && capitalizedName(t.get(end + 1))) {
                end += 2;
                while (end < j && capitalizedName(t.get(end))) {
                    end++;
                }
            }
            while (i < lastHead && lexicon.titles().contains(t.get(i).word().toLowerCase(Locale.ROOT))) {
                i++; // "Speaker National Assembly": the title is not part of the body's name
            }
            if (lastHead >= 0 && end - i >= 2) {
                String text = Names.clean(s.textOf(i, end));
                out.add(new NameMention(new Span(s.index(), i, end), EntityKind.ORGANIZATION, text,
                        lexicon.findKnown(text).orElse(null)));
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }

    private static boolean capitalizedName(Token t) {
        return t.pos().startsWith("NNP") && Character.isUpperCase(t.word().codePointAt(0))
                && (t.ner().equals("O") || t.ner().equals("ORGANIZATION") || t.ner().equals("TITLE")
                || t.ner().equals("STATE_OR_PROVINCE") || t.ner().equals("COUNTRY") || t.ner().equals("NATIONALITY")
                || t.ner().equals("CITY") || t.ner().equals("LOCATION") || t.ner().equals("MISC"));
    }

    private static boolean connector(List<Token> t, int j) {
        String w = t.get(j).word();
        return (w.equals("of") || w.equals("and") || w.equals("for")) && j + 1 < t.size() && capitalizedName(t.get(j + 1));
    }

    /** "Mr Smith", "Dr. Jones": an honorific before an untagged proper noun names a person. */
    private List<NameMention> honorificNames(Sentence s, List<NameMention> found) {
        List<NameMention> out = new ArrayList<>();
        List<Token> t = s.tokens();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!lexicon.isHonorific(t.get(i).word()) || !Character.isUpperCase(t.get(i).word().charAt(0))) {
                continue;
            }
            int j = i + 1;
            while (j < t.size() && t.get(j).isProperNoun() && !t.get(j).word().equals(".")) {
                j++;
            }
            Span span = j > i + 1 ? new Span(s.index(), i + 1, j) : null;
            if (span != null && found.stream().noneMatch(m -> m.span().overlaps(span))) {
                out.add(new NameMention(span, EntityKind.PERSON, Names.clean(s.textOf(i + 1, j)), null));
            }
        }
        return out;
    }

    /** Where two names overlap, the longer wins, then a well-known organization. */
    private static List<NameMention> resolveOverlaps(List<NameMention> all) {
        List<NameMention> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((NameMention m) -> -m.span().length())
                .thenComparing(m -> m.known() == null));
        List<NameMention> kept = new ArrayList<>();
        for (NameMention m : sorted) {
            if (kept.stream().noneMatch(k -> k.span().overlaps(m.span()))) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparing((NameMention m) -> m.span().sentence()).thenComparing(m -> m.span().start()));
        return kept;
    }
}
