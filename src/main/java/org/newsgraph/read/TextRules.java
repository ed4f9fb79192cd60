package org.newsgraph.read;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and clean-ups shared by the text and JSONL formats. */
final class TextRules {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Characters an id may not contain, because they end or break an IRI segment. */
    private static final String IRI_BREAKERS = "/#?%<>\"{}|\\^`";

    private TextRules() {
    }

    /**
     * The most words a sentence may have: a longer run without sentence-ending punctuation or
     * a blank line is not prose (a keyword dump, a table flattened onto one line), and CoreNLP
     * spends minutes on one such "sentence" of a few thousand words.
     */
    static final int MAX_SENTENCE_WORDS = 1000;

    private static final Pattern HTML_START = Pattern.compile("(?is)\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>])");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?…;:]|\\n\\h*\\n");

    /**
     * Why the cleaned-up body {@code text} is not prose that the NLP can take (an HTML page, a
     * run of words with no sentence end), or empty if it is.
     */
    static Optional<String> proseProblem(String text) {
        return htmlProblem(text).or(() -> runOnProblem(text));
    }

    private static Optional<String> htmlProblem(String text) {
        return HTML_START.matcher(stripLeading(text)).lookingAt()
                ? Optional.of("an HTML page, not article text; extract the article's text first")
                : Optional.empty();
    }

    private static Optional<String> runOnProblem(String text) {
        Matcher breaks = SENTENCE_BREAK.matcher(text);
        int from = 0;
        while (from < text.length()) {
            int to = breaks.find(from) ? breaks.start() : text.length();
            if (wordsExceed(text, from, to, MAX_SENTENCE_WORDS)) {
                return Optional.of("more than " + MAX_SENTENCE_WORDS + " words without a sentence end from character "
                        + from + ": not prose (one endless line of words?); break it into sentences");
            }
            from = to < text.length() ? breaks.end() : to;
        }
        return Optional.empty();
    }

    private static boolean wordsExceed(String text, int from, int to, int max) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean blank = isBlank(text.charAt(i));
            if (!blank && !inWord && ++words > max) {
                return true;
            }
            inWord = !blank;
        }
        return false;
    }

    /** Why {@code text} is not text but binary data, or empty if it is text. */
    static Optional<String> binaryProblem(String text) {
        if (text.indexOf('\0') >= 0) {
            return Optional.of("binary file, not text (contains NUL characters)");
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        // Real articles have next to none; a stray one pasted from a PDF must not reject an article.
        if (controls > 0 && controls * 10L > text.length()) {
            return Optional.of("binary file, not text (" + (controls * 100L / text.length())
                    + "% control characters)");
        }
        return Optional.empty();
    }

    /**
     * Why {@code id} cannot be the last segment of an article IRI, or empty if it can. The id
     * is kept as given rather than escaped, so that the IRI stays readable and matches the file.
     */
    static Optional<String> idProblem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("article id is empty");
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of(idMessage(id, "a dot segment"));
        }
        for (int i = 0; i < id.length(); ) {
            int cp = id.codePointAt(i);
            if (Character.isISOControl(cp)) {
                return Optional.of(idMessage(id, "a control character"));
            }
            if (isBlank(cp)) {
                return Optional.of(idMessage(id, "whitespace"));
            }
            if (cp < 128 && IRI_BREAKERS.indexOf(cp) >= 0) {
                return Optional.of(idMessage(id, "'" + (char) cp + "'"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static String idMessage(String id, String what) {
        return "article id '" + printable(id) + "' cannot be used in an IRI (it contains " + what
                + "); use letters, digits, '-', '_', '.'";
    }

    /**
     * Why {@code date} cannot be an article's date, given the latest date allowed (tomorrow, so
     * that no time zone makes a fresh article fail): a date in the future is a typo or a
     * scraper's placeholder, and would put the article's events there.
     */
    static Optional<String> futureProblem(LocalDate date, LocalDate latest) {
        return date.isAfter(latest)
                ? Optional.of("date " + date + " is in the future (after " + latest + "); check the article's date")
                : Optional.empty();
    }

    /** Parses a strict {@code YYYY-MM-DD} date; empty if {@code value} is not one. */
    static Optional<LocalDate> isoDate(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            // ISO_LOCAL_DATE resolves strictly, so 2025-02-30 is rejected rather than moved to March.
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A photo credit at the end of a caption ("— AFP/File") that a scraped page ran into the
     * next line's first word ("— AFP/FileKARACHI: ..."): the line break it lost.
     */
    private static final Pattern GLUED_CREDIT = Pattern.compile("(?<=/File)(?=\\p{Lu})");

    /**
     * Line endings as {@code \n}, no trailing whitespace on any line, no blank lines at either end,
     * a photo credit glued to the next line's first word broken off it.
     */
    static String normaliseBody(String text) {
        String[] lines = GLUED_CREDIT.matcher(normaliseLineEndings(text)).replaceAll("\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(stripTrailing(line)).append('\n');
        }
        return stripLeading(stripTrailing(out.toString()));
    }

    static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Whitespace in the wide sense: also no-break spaces and the byte-order mark. */
    static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\uFEFF';
    }

    static boolean isBlank(String s) {
        return s.codePoints().allMatch(TextRules::isBlank);
    }

    static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code s} with control characters shown as escapes, for messages on one line. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.length() > 80 ? out.substring(0, 77) + "..." : out.toString();
    }
}
