package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Span;
import org.newsgraph.nlp.Token;

/**
 * A political title written in a sentence ("Prime Minister", "home secretary").
 *
 * @param span  its tokens
 * @param title the title from the lexicon, lower case
 * @param place whether the title is held in a place rather than an organization
 */
record TitleSpan(Span span, String title, boolean place) {

    private static final int MAX_TITLE_TOKENS = 6;
    private static final int MAX_MODIFIERS = 3;

    /** The titles of a sentence, longest match first, not overlapping. */
    static List<TitleSpan> find(Sentence s, Lexicon lexicon) {
        List<TitleSpan> out = new ArrayList<>();
        List<Token> t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            for (int j = Math.min(t.size(), i + MAX_TITLE_TOKENS); j > i; j--) {
                String text = s.textOf(i, j).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (lexicon.titles().contains(text) && plausible(s, i, j)) {
                    int start = withModifiers(s, i, out.isEmpty() ? 0 : out.get(out.size() - 1).span().end(), lexicon);
                    int end = withPortfolio(s, j, lexicon);
                    String title = written(textOf(s, start, i) + " " + lexicon.titleForms().getOrDefault(text, text) + " "
                            + textOf(s, j, end), lexicon);
                    out.add(new TitleSpan(new Span(s.index(), start, end), title, lexicon.placeTitles().contains(text)));
                    j = end;
                    i = j - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** A title as roles record it: lower case, abbreviations in full, no articles inside ("adviser to chief minister"). */
    private static String written(String text, Lexicon lexicon) {
        StringBuilder out = new StringBuilder();
        for (String w : text.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!w.equals("the")) {
                out.append(out.length() == 0 ? "" : " ").append(lexicon.titleForms().getOrDefault(w, w));
            }
        }
        return out.toString();
    }

    private static String textOf(Sentence s, int start, int end) {
        return start < end ? s.textOf(start, end) : "";
    }

    /**
     * Widens a title over the words that qualify it, from the lexicon's title modifiers:
     * "chief economic adviser", "Justice Minister", "home affairs spokesman"; also "ex-" and
     * "former", which the role records as such.
     */
    private static int withModifiers(Sentence s, int start, int floor, Lexicon lexicon) {
        int i = start;
        while (i > floor && start - i < MAX_MODIFIERS) {
            Token t = s.token(i - 1);
            if (!t.ner().equals("O") && !t.ner().equals("TITLE")) {
                break; // "Labour MP": a name, not a portfolio
            }
            String w = t.word().toLowerCase(Locale.ROOT);
            boolean exPrefix = w.startsWith("ex-") && lexicon.titleModifiers().contains(w.substring(3));
            if (!lexicon.titleModifiers().contains(w) && !exPrefix && !w.equals("former")) {
                break;
            }
            i--;
        }
        return i;
    }

    /**
     * "Minister for Justice", "Secretary of State for Health": a portfolio after the title is part
     * of it; so is the office an adviser serves and the brief ("Adviser to the Chief Minister on
     * Information").
     */
    private static int withPortfolio(Sentence s, int end, Lexicon lexicon) {
        int k = withPrincipal(s, end, lexicon);
        while (k + 1 < s.tokens().size() && Set.of("for", "of").contains(s.token(k).word().toLowerCase(Locale.ROOT))
                && lexicon.titleModifiers().contains(s.token(k + 1).word().toLowerCase(Locale.ROOT))) {
            k += 2;
            while (k < s.tokens().size() && lexicon.titleModifiers().contains(s.token(k).word().toLowerCase(Locale.ROOT))) {
                k++;
            }
        }
        return k;
    }

    private static final int MAX_PRINCIPAL_TOKENS = 3;

    /** "adviser to the prime minister on X": past "to (the) TITLE" and its brief, or {@code end} if none. */
    private static int withPrincipal(Sentence s, int end, Lexicon lexicon) {
        if (end + 1 >= s.tokens().size() || !s.token(end).word().equalsIgnoreCase("to")) {
            return end;
        }
        int m = end + 1;
        if (s.token(m).word().equalsIgnoreCase("the")) {
            m++;
        }
        for (int n = Math.min(MAX_PRINCIPAL_TOKENS, s.tokens().size() - m); n > 0; n--) {
            String text = s.textOf(m, m + n).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (lexicon.titles().contains(text)) {
                int k = m + n;
                if (k + 1 < s.tokens().size() && Set.of("on", "for").contains(s.token(k).word().toLowerCase(Locale.ROOT))
                        && lexicon.titleModifiers().contains(s.token(k + 1).word().toLowerCase(Locale.ROOT))) {
                    k += 2;
                    while (k < s.tokens().size() && lexicon.titleModifiers().contains(s.token(k).word().toLowerCase(Locale.ROOT))) {
                        k++;
                    }
                }
                return k;
            }
        }
        return end;
    }

    /** A title is a noun phrase, not a time ("5 PM") or a verb ("to head the party"). */
    private static boolean plausible(Sentence s, int i, int j) {
        boolean noun = false;
        for (int k = i; k < j; k++) {
            noun |= s.token(k).isNoun();
        }
        // "chief" before a name is a title even where the tagger saw an adjective
        boolean beforeName = j < s.tokens().size() && s.token(j).isProperNoun();
        if (!noun && !beforeName || s.token(j - 1).isVerb()) {
            return false;
        }
        for (int k = i; k < j; k++) {
            String ner = s.token(k).ner();
            if (ner.equals("DATE") || ner.equals("TIME")) {
                return false;
            }
        }
        String text = s.textOf(i, j);
        // Short abbreviations ("PM", "MP") count only in capitals.
        return text.length() > 3 || text.equals(text.toUpperCase(Locale.ROOT));
    }
}
