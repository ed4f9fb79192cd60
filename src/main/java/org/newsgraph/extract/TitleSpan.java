package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /** Adjectives that describe a holder or a moment, not the office. */
    private static final java.util.Set<String> NOT_QUALIFIERS = java.util.Set.of("new", "current", "then", "outgoing",
            "incoming", "later", "late", "veteran", "prominent", "key", "top", "powerful", "controversial", "same",
            "own", "last", "next", "first", "other", "party");

    /** The titles of a sentence, longest match first, not overlapping. */
    static List<TitleSpan> find(Sentence s, Lexicon lexicon) {
        List<TitleSpan> out = new ArrayList<>();
        List<Token> t = s.tokens();
        for (int i = 0; i < t.size(); i++) {
            for (int j = Math.min(t.size(), i + MAX_TITLE_TOKENS); j > i; j--) {
                String text = s.textOf(i, j).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (lexicon.titles().contains(text) && plausible(s, i, j)) {
                    int start = withModifiers(s, i, out.isEmpty() ? 0 : out.get(out.size() - 1).span().end());
                    String title = s.textOf(start, j).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    out.add(new TitleSpan(new Span(s.index(), start, j), title, lexicon.placeTitles().contains(text)));
                    i = j - 1;
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Widens a title over the lower-case words that qualify it: "chief economic adviser",
     * "home affairs spokesman", "ex-chief ...". Names, determiners and possessives stay out.
     */
    private static int withModifiers(Sentence s, int start, int floor) {
        int i = start;
        while (i > floor && start - i < MAX_MODIFIERS) {
            Token t = s.token(i - 1);
            boolean lower = Character.isLowerCase(t.word().codePointAt(0));
            boolean modifier = t.pos().startsWith("JJ") || t.pos().equals("NN") || t.pos().equals("NNS") && !t.word().endsWith("s");
            if (!lower || !modifier || !t.ner().equals("O") && !t.ner().equals("TITLE") || NOT_QUALIFIERS.contains(t.word())) {
                break;
            }
            i--;
        }
        return i;
    }

    /** A title is a noun phrase, not a time ("5 PM") or a verb ("to head the party"). */
    private static boolean plausible(Sentence s, int i, int j) {
        Token last = s.token(j - 1);
        if (!last.isNoun()) {
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
