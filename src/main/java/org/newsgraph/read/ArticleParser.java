package org.newsgraph.read;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one article into an {@link Article}. Pure: no files, no network, so the
 * same rules apply to a file on disk, a JSONL line and an HTTP request body. Never throws for
 * bad input; every problem is a {@link ReadResult.Failure} whose source is the given source.
 *
 * <h2>The {@code .txt} format</h2>
 * <ol>
 * <li><b>Date header</b> (optional). After optional leading whitespace (a byte-order mark
 *     included) the text starts with the word {@code date} in any case, whitespace and a
 *     {@code YYYY-MM-DD} date. The body may go on on the same line after the date:
 *     {@code "date 2025-02-09 Party workers gathered..."}. If the word after {@code date}
 *     looks like a date (digits with {@code -}, {@code /} or {@code .}) but is not a valid
 *     {@code YYYY-MM-DD} date, as in {@code date 2025-02-30} or {@code date 25-2-9}, the
 *     article fails. If it does not look like a date at all, there is no header and
 *     "date" is just the first word of the body. Without a header the date is unknown.</li>
 * <li><b>Headline</b> (optional). After the header, the first line is the title, and is
 *     removed from the body, when all of these hold: it is followed by a blank line; some text
 *     follows that blank line; it has at most {@value #HEADLINE_MAX_WORDS} words and
 *     {@value #HEADLINE_MAX_CHARS} characters; and it does not end with sentence punctuation
 *     ({@code . ! ? : ; …}, possibly followed by closing quotes). Otherwise it is a paragraph,
 *     as in news files whose first paragraph directly follows the date header.</li>
 * <li><b>Body</b>: the rest, with line endings as {@code \n}, trailing whitespace removed from
 *     every line and blank lines removed at both ends; paragraph breaks ({@code \n\n}) are
 *     kept. An empty body fails, and so does what is not prose: binary data (NUL characters,
 *     or more than one character in ten a control character), an HTML page (starting with
 *     {@code <!DOCTYPE html} or {@code <html>}), and a run of more than
 *     {@value TextRules#MAX_SENTENCE_WORDS} words without a sentence end.</li>
 * </ol>
 *
 * <p>A date after tomorrow (by the parser's clock, UTC) fails, in both formats: it is a typo
 * or a placeholder, and relative times would be resolved against it.
 *
 * <h2>A JSONL line</h2>
 * A strict JSON object (RFC 8259: no comments, single quotes or trailing data) with optional
 * string fields {@code id}, {@code date} ({@code YYYY-MM-DD}), {@code title}, {@code url} and a
 * required, non-blank string field {@code text}. Other fields are ignored. A field that is
 * present with a non-string value fails the line, except that {@code null} or a blank string
 * counts as absent. Without an id the caller's fallback id is used. The text gets no header or
 * headline parsing, only the body clean-up above.
 *
 * <h2>Ids</h2>
 * The id becomes the last segment of the article's IRI, so it is kept as given but must not
 * contain whitespace, control characters, {@code / # ? %} or characters IRIs forbid
 * ({@code < > " { } | \ ^ `}), and must not be {@code .} or {@code ..}.
 */
public final class ArticleParser {

    static final int HEADLINE_MAX_WORDS = 20;
    static final int HEADLINE_MAX_CHARS = 200;

    private static final Pattern HEADER = Pattern.compile("(?iU)date\\h+(\\S+)");
    /** What a writer meant as a date, right or wrong: 2025-02-09, 25-2-9, 09.02.2025, 2025/2/9. */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d+[-/.]\\d+.*");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;…][\"'”’»]*");

    private final Clock clock;

    private ArticleParser(Clock clock) {
        this.clock = clock;
    }

    public static ArticleParser create() {
        return new ArticleParser(Clock.systemUTC());
    }

    /** A parser whose "today", for refusing dates in the future, comes from {@code clock}. */
    public static ArticleParser create(Clock clock) {
        return new ArticleParser(Objects.requireNonNull(clock, "clock"));
    }

    private LocalDate latestDate() {
        return LocalDate.now(clock).plusDays(1);
    }

    /**
     * Parses one article in the {@code .txt} format described above.
     *
     * @param id      the article id, usually the file name without extension
     * @param content the whole text, already decoded
     * @param source  where it came from, for the article and for failure messages
     */
    public ReadResult parseText(String id, String content, String source) {
        Optional<String> problem = TextRules.binaryProblem(content)
                .or(() -> TextRules.idProblem(id));
        if (problem.isPresent()) {
            return ReadResult.failure(source, problem.get());
        }
        String rest = TextRules.stripLeading(TextRules.normaliseLineEndings(content));

        Optional<LocalDate> date = Optional.empty();
        Matcher header = HEADER.matcher(rest);
        boolean hasHeader = header.lookingAt() && DATE_LIKE.matcher(header.group(1)).matches();
        if (hasHeader) {
            String value = header.group(1);
            date = TextRules.isoDate(value);
            if (date.isEmpty()) {
                return ReadResult.failure(source, "date header '" + TextRules.printable(value)
                        + "' is not a valid date (expected YYYY-MM-DD)");
            }
            Optional<String> future = TextRules.futureProblem(date.get(), latestDate());
            if (future.isPresent()) {
                return ReadResult.failure(source, "date header: " + future.get());
            }
            rest = TextRules.stripLeading(rest.substring(header.end()));
        }

        Optional<String> title = headline(rest);
        if (title.isPresent()) {
            rest = rest.substring(rest.indexOf('\n') + 1);
        }
        String body = TextRules.normaliseBody(rest);
        if (body.isEmpty()) {
            return ReadResult.failure(source, hasHeader
                    ? "empty article: no text after the header" : "empty article: no text");
        }
        Optional<String> notProse = TextRules.proseProblem(body);
        if (notProse.isPresent()) {
            return ReadResult.failure(source, notProse.get());
        }
        return ReadResult.success(new Article(id, date, title, Optional.empty(), body, source));
    }

    /**
     * Parses one JSONL line as described above.
     *
     * @param line       the line, without its line ending
     * @param source     where it came from, as {@code path:LINE}
     * @param fallbackId the id to use when the object has none, as {@code base-LINE}
     */
    public ReadResult parseJsonLine(String line, String source, String fallbackId) {
        return JsonLineParser.parse(line, source, fallbackId, latestDate());
    }

    /**
     * Why {@code id} cannot be an article id, or empty if it can; for callers that get an id
     * from elsewhere, such as a request parameter.
     */
    public static Optional<String> idProblem(String id) {
        return TextRules.idProblem(id);
    }

    /** The first line of {@code text} if it is a headline by the rule in the class comment. */
    private static Optional<String> headline(String text) {
        int firstEnd = text.indexOf('\n');
        if (firstEnd < 0) {
            return Optional.empty();
        }
        int secondEnd = text.indexOf('\n', firstEnd + 1);
        if (secondEnd < 0 || !TextRules.isBlank(text.substring(firstEnd + 1, secondEnd))
                || TextRules.isBlank(text.substring(secondEnd + 1))) {
            return Optional.empty();
        }
        String first = TextRules.stripTrailing(text.substring(0, firstEnd));
        boolean isShort = first.length() <= HEADLINE_MAX_CHARS
                && first.split("\\s+").length <= HEADLINE_MAX_WORDS;
        return isShort && !SENTENCE_END.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }
}
