package org.newsgraph.query;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * REGEX and REPLACE that a cancelled query stops. Java's regular expressions can take
 * exponential time ({@code REGEX("aaa…a", "(.*a){19}b")} runs for hours) and never look at
 * the query's timeout, so ARQ's own REGEX kept a core busy long after the query had timed out.
 * These match on a {@link CharSequence} that checks the query's cancel signal (which ARQ's
 * timeout and {@code abort} set) and the thread's interrupt on each character read; the
 * matcher reads characters all the time, so it stops within microseconds.
 *
 * <p>{@link #TRANSFORM} puts them in place of SPARQL's {@code REGEX} and {@code REPLACE} and of
 * the same functions by IRI: {@code fn:matches}, {@code fn:replace}, {@code sparql:regex} and
 * {@code sparql:replace}. They behave as ARQ's (with Java's regular expressions, ARQ's
 * default), with two more rules: a pattern longer than {@link QueryLimits#patternChars} and a
 * REPLACE result longer than {@link QueryLimits#concatChars} fail the query
 * ({@link OverLimitException}). They are never evaluated while the query is planned (constant
 * folding), only while it runs, when the cancel signal is in reach.
 */
final class GuardedRegex {

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String SPARQL = ARQConstants.fnSparql;

    private GuardedRegex() {
    }

    /** The transform that puts the guarded functions in place of ARQ's. */
    static ExprTransformCopy transform(QueryLimits limits) {
        return new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex || isCall(func, FN + "matches") || isCall(func, SPARQL + "regex")) {
                    return new Matches(args, limits);
                }
                if (func instanceof E_StrReplace || isCall(func, FN + "replace") || isCall(func, SPARQL + "replace")) {
                    return new Replace(args, limits);
                }
                return super.transform(func, args);
            }
        };
    }

    private static boolean isCall(ExprFunctionN func, String iri) {
        return func instanceof E_Function f && iri.equals(f.getFunctionIRI());
    }

    /** What both functions share: argument checks, a compiled pattern kept while it is the same, the cancel signal. */
    private abstract static class Guarded extends ExprFunctionN {
        final QueryLimits limits;
        private final int patternArg;
        /** The last pattern compiled, for rows that all give the same one (the usual case). */
        private volatile Compiled last;

        private record Compiled(String pattern, String flags, Pattern compiled) {
        }

        Guarded(String name, ExprList args, int patternArg, QueryLimits limits) {
            super(name, args);
            this.patternArg = patternArg;
            this.limits = limits;
        }

        /** Only at run time: constant folding while the query is planned is out of the cancel signal's reach. */
        @Override
        public final NodeValue eval(java.util.List<NodeValue> args) {
            throw new ExprEvalException(getFunctionSymbol().getSymbol() + " is evaluated while the query runs");
        }

        Pattern pattern(java.util.List<NodeValue> args) {
            String pattern = string(args.get(patternArg), "pattern");
            String flags = args.size() > patternArg + 1 ? string(args.get(patternArg + 1), "flags") : null;
            if (pattern.length() > limits.patternChars()) {
                throw new OverLimitException(getFunctionSymbol().getSymbol().toUpperCase(java.util.Locale.ROOT)
                        + " pattern of " + pattern.length() + " characters is longer than the limit of "
                        + limits.patternChars());
            }
            if (flags != null && !flags.chars().allMatch(c -> "smixq".indexOf(c) >= 0)) {
                throw new ExprEvalException("only s, m, i, x and q are regular expression flags, not '" + flags + "'");
            }
            Compiled c = last;
            if (c == null || !c.pattern().equals(pattern) || !java.util.Objects.equals(c.flags(), flags)) {
                c = new Compiled(pattern, flags, RegexEngine.makePattern(getFunctionSymbol().getSymbol(), pattern, flags));
                last = c;
            }
            return c.compiled();
        }

        private String string(NodeValue v, String what) {
            if (!v.isString()) {
                throw new ExprEvalException(getFunctionSymbol().getSymbol() + ": the " + what + " is not a string: " + v);
            }
            return v.getString();
        }

        CharSequence guarded(String text, FunctionEnv env) {
            long budget = Math.max(limits.regexReads(), 100L * text.length());
            return new CancellableText(text, cancelSignal(env), budget, getFunctionSymbol().getSymbol().toUpperCase(java.util.Locale.ROOT));
        }

        private static AtomicBoolean cancelSignal(FunctionEnv env) {
            AtomicBoolean signal = null;
            if (env instanceof ExecutionContext exec) {
                signal = exec.getCancelSignal();
            }
            if (signal == null && env != null && env.getContext() != null) {
                signal = Context.getCancelSignal(env.getContext());
            }
            return signal != null ? signal : new AtomicBoolean();
        }
    }

    /** {@code REGEX(text, pattern [, flags])}: whether the pattern matches somewhere in the text. */
    static final class Matches extends Guarded {
        Matches(ExprList args, QueryLimits limits) {
            super("regex", args, 1, limits);
        }

        @Override
        public NodeValue eval(java.util.List<NodeValue> args, FunctionEnv env) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern pattern = pattern(args);
            return NodeValue.booleanReturn(pattern.matcher(guarded(text.getLiteralLexicalForm(), env)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Matches(newArgs, limits);
        }
    }

    /**
     * {@code REPLACE(text, pattern, replacement [, flags])}, as ARQ's: after a first match, empty
     * matches are skipped; the result keeps the text's language tag or datatype.
     */
    static final class Replace extends Guarded {
        Replace(ExprList args, QueryLimits limits) {
            super("replace", args, 1, limits);
        }

        @Override
        public NodeValue eval(java.util.List<NodeValue> args, FunctionEnv env) {
            NodeValue original = args.get(0);
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", original);
            String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            java.util.List<NodeValue> patternAndFlags = args.size() > 3
                    ? java.util.List.of(args.get(0), args.get(1), args.get(3)) : java.util.List.of(args.get(0), args.get(1));
            Matcher m = pattern(patternAndFlags).matcher(guarded(text.getLiteralLexicalForm(), env));
            StringBuilder out = null;
            try {
                while (m.find()) {
                    if (out == null) {
                        out = new StringBuilder();
                    } else if (m.start() == m.end()) {
                        continue;
                    }
                    m.appendReplacement(out, replacement);
                    if (out.length() > limits.concatChars()) {
                        throw new OverLimitException("REPLACE result is longer than the limit of "
                                + limits.concatChars() + " characters");
                    }
                }
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            if (out == null) {
                return original;
            }
            m.appendTail(out);
            String result = out.toString();
            if (result.equals(text.getLiteralLexicalForm())) {
                return original;
            }
            return NodeValue.makeNode(NodeFactory.createLiteral(result, text.getLiteralLanguage(), text.getLiteralDatatype()));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs, limits);
        }
    }

    /**
     * A string that stops whoever reads it once the query is cancelled: each {@link #charAt}
     * reads the cancel flag (a plain load on most machines), and every few thousand reads the
     * thread's interrupt too (a server stopping interrupts its threads), and whether the reads
     * have passed their budget.
     */
    static final class CancellableText implements CharSequence {
        private final String text;
        private final AtomicBoolean cancel;
        private final long budget;
        private final String function;
        private long reads;

        CancellableText(String text, AtomicBoolean cancel, long budget, String function) {
            this.text = text;
            this.cancel = cancel;
            this.budget = budget;
            this.function = function;
        }

        @Override
        public char charAt(int index) {
            if (cancel.get()) {
                throw new QueryCancelledException();
            }
            if ((++reads & 0xFFF) == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new QueryCancelledException();
                }
                if (reads > budget) {
                    throw new OverLimitException(function + " read " + reads + " characters of a text of "
                            + text.length() + " without an answer, more than the limit of " + budget
                            + ": its pattern backtracks too much; simplify it");
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
