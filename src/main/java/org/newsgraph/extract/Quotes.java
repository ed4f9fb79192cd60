package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Quote;

/** What the statement rules need to know of the quotations of a text. */
final class Quotes {

    /** Fewer words are a scare quote or a phrase inside reported speech, not a quotation. */
    static final int MIN_QUOTE_WORDS = 5;

    private static final Pattern REOPENED = Pattern.compile("[.!?][\"”]?\\s+([\"“])(?=\\S)");

    private Quotes() {
    }

    /** A quotation long enough to be one: more than a quoted phrase. */
    static boolean isQuotation(Quote q) {
        return stripQuotes(q.text()).split("\\s+").length >= MIN_QUOTE_WORDS;
    }

    /**
     * A quote that runs over paragraphs opens each with a quotation mark and closes only the
     * last, so the quote annotator sees one quote; each paragraph has its own attribution.
     */
    static List<Quote> splitParagraphs(Quote q) {
        List<Quote> parts = new ArrayList<>();
        Matcher m = REOPENED.matcher(q.text());
        int from = 0;
        while (m.find()) {
            int cut = m.start(1);
            parts.add(new Quote(q.begin() + from, q.begin() + cut, q.text().substring(from, cut).strip(),
                    q.speakerBegin(), q.speakerEnd(), q.speaker(), q.canonical()));
            from = cut;
        }
        if (parts.isEmpty()) {
            return List.of(q);
        }
        parts.add(new Quote(q.begin() + from, q.end(), q.text().substring(from), q.speakerBegin(), q.speakerEnd(),
                q.speaker(), q.canonical()));
        return parts;
    }

    /** Whether the character at {@code offset} is inside a quote, marks excluded. */
    static boolean insideQuote(AnnotatedDocument doc, int offset) {
        return doc.quotes().stream().anyMatch(q -> offset > q.begin() && offset < q.end());
    }

    /** Whether the characters {@code begin} to {@code end} overlap a quotation. */
    static boolean overlapsQuote(AnnotatedDocument doc, int begin, int end) {
        return doc.quotes().stream().anyMatch(q -> begin < q.end() && q.begin() < end && isQuotation(q));
    }

    /** Reported speech that ends inside a quoted phrase gets its closing mark back. */
    static String balanceQuotes(String text) {
        long straight = text.chars().filter(c -> c == '"').count();
        long open = text.chars().filter(c -> c == '“').count();
        long close = text.chars().filter(c -> c == '”').count();
        if (straight % 2 == 1 && !text.endsWith("\"")) {
            return text + "\"";
        }
        return open > close ? text + "”" : text;
    }

    /** A quote's text without its quotation marks. */
    static String stripQuotes(String quote) {
        return quote.strip().replaceAll("^[\"“”'‘’«»]+|[\"“”'‘’«»]+$", "").strip();
    }
}
