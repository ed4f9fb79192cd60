package org.newsgraph.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * GROUP_CONCAT with a cap on the string it builds. ARQ's grows without bound: over a cross
 * join of the store with itself, three such queries at once ran the server out of heap. Past
 * {@link QueryLimits#concatChars} characters this one fails the query with an
 * {@link OverLimitException} (Fuseki answers 422) instead: a cut string would be a wrong
 * answer that looks right. {@link #transform} puts it in place of ARQ's in every GROUP BY.
 */
final class CappedAggregates {

    private CappedAggregates() {
    }

    /** The transform that gives every GROUP_CONCAT of a group its cap. */
    static TransformCopy transform(QueryLimits limits) {
        return new TransformCopy() {
            @Override
            public Op transform(OpGroup group, Op sub) {
                List<ExprAggregator> capped = new ArrayList<>();
                boolean changed = false;
                for (ExprAggregator agg : group.getAggregators()) {
                    Aggregator a = agg.getAggregator();
                    Aggregator c = a;
                    if (a instanceof AggGroupConcat concat && !(a instanceof Concat)) {
                        c = new Concat(concat.getExprList().get(0), concat.getSeparator(), limits.concatChars());
                    } else if (a instanceof AggGroupConcatDistinct concat && !(a instanceof DistinctConcat)) {
                        c = new DistinctConcat(concat.getExprList().get(0), concat.getSeparator(), limits.concatChars());
                    }
                    changed |= c != a;
                    capped.add(c == a ? agg : new ExprAggregator(agg.getVar(), c));
                }
                return changed ? OpGroup.create(sub, group.getGroupVars(), capped) : super.transform(group, sub);
            }
        };
    }

    /** GROUP_CONCAT(expr; separator) with a cap; prints and compares as ARQ's. */
    static final class Concat extends AggGroupConcat {
        private final int cap;

        Concat(Expr expr, String separator, int cap) {
            super(expr, separator);
            this.cap = cap;
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Concat(exprs.get(0), getSeparator(), cap);
        }

        @Override
        public Accumulator createAccumulator() {
            return new CappedConcatenation(getExpr(), getSeparator(), false, cap);
        }
    }

    /** GROUP_CONCAT(DISTINCT expr; separator) with a cap. */
    static final class DistinctConcat extends AggGroupConcatDistinct {
        private final int cap;

        DistinctConcat(Expr expr, String separator, int cap) {
            super(expr, separator);
            this.cap = cap;
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new DistinctConcat(exprs.get(0), getSeparator(), cap);
        }

        @Override
        public Accumulator createAccumulator() {
            return new CappedConcatenation(getExpr(), getSeparator(), true, cap);
        }
    }

    /** The values of one group joined by the separator (a space when none is given), up to the cap. */
    private static final class CappedConcatenation extends AccumulatorExpr {
        private final StringBuilder joined = new StringBuilder();
        private final String separator;
        private final int cap;
        private boolean first = true;

        CappedConcatenation(Expr expr, String separator, boolean distinct, int cap) {
            super(expr, distinct);
            this.separator = separator == null ? " " : separator;
            this.cap = cap;
        }

        @Override
        protected void accumulate(NodeValue value, Binding binding, FunctionEnv env) {
            String s = value.asString();
            long length = (long) joined.length() + (first ? 0 : separator.length()) + s.length();
            if (length > cap) {
                throw new OverLimitException("GROUP_CONCAT builds a string longer than the limit of " + cap
                        + " characters; group into smaller parts, or count instead of joining");
            }
            if (!first) {
                joined.append(separator);
            }
            joined.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {
            // As ARQ's: a value that fails to evaluate leaves the group's result unbound.
        }

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }
}
