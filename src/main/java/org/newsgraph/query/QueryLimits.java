package org.newsgraph.query;

/**
 * What one query may consume besides time (the timeout) and rows (a server's result limit):
 * limits on the work and memory that a single expression, aggregate or graph result can take.
 *
 * @param triples      the most triples a CONSTRUCT or DESCRIBE result holds; the rest are cut
 * @param concatChars  the longest string that GROUP_CONCAT or REPLACE may build; a longer one fails the query
 * @param patternChars the longest regular expression (REGEX, REPLACE, fn:matches, fn:replace)
 * @param nesting      the deepest nesting of expressions and patterns in a query's text; a
 *                     deeper query is refused before it runs (evaluating it would overflow the stack)
 * @param regexReads   the most characters one REGEX or REPLACE may read of its text, or 100 times
 *                     the text's length when that is more: a pattern that backtracks without end
 *                     ({@code (.*a){19}b}) fails the query in milliseconds instead of holding a
 *                     core until the timeout
 */
public record QueryLimits(long triples, int concatChars, int patternChars, int nesting, long regexReads) {

    private static final long DEFAULT_REGEX_READS = 10_000_000;

    /** 100,000 triples, 1 M characters, 2,000 characters, 400 levels, 10 M characters read. */
    public static final QueryLimits DEFAULT = new QueryLimits(100_000, 1 << 20, 2_000, 400, DEFAULT_REGEX_READS);

    public QueryLimits {
        if (triples <= 0 || concatChars <= 0 || patternChars <= 0 || nesting <= 0 || regexReads <= 0) {
            throw new IllegalArgumentException("query limits must be positive: " + triples + ", " + concatChars
                    + ", " + patternChars + ", " + nesting + ", " + regexReads);
        }
    }

    /** The limits with the default of {@link #regexReads}. */
    public QueryLimits(long triples, int concatChars, int patternChars, int nesting) {
        this(triples, concatChars, patternChars, nesting, DEFAULT_REGEX_READS);
    }

    /** The same limits with at most {@code n} characters read by one REGEX or REPLACE (or 100 times its text). */
    public QueryLimits withRegexReads(long n) {
        return new QueryLimits(triples, concatChars, patternChars, nesting, n);
    }

    /** The same limits with at most {@code n} triples in a graph result. */
    public QueryLimits withTriples(long n) {
        return new QueryLimits(n, concatChars, patternChars, nesting, regexReads);
    }

    /** The same limits with strings of at most {@code n} characters from GROUP_CONCAT and REPLACE. */
    public QueryLimits withConcatChars(int n) {
        return new QueryLimits(triples, n, patternChars, nesting, regexReads);
    }
}
