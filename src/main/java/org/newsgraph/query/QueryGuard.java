package org.newsgraph.query;

import java.util.List;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.Element1;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.newsgraph.error.BadInputException;

/**
 * The limits of {@link QueryLimits} put on a query: {@link #install} sets up a query's
 * context so that its regular expressions stop when it is cancelled ({@link GuardedRegex}),
 * its GROUP_CONCATs have a cap ({@link CappedAggregates}) and large sorts, DISTINCTs and
 * groups spill to disk; {@link #requireShallow} refuses a query nested too deeply to run.
 *
 * <pre>{@code
 * QueryExec exec = QueryExec.dataset(dsg).query(query).timeout(30, SECONDS).build();
 * QueryGuard.install(exec.getContext(), QueryLimits.DEFAULT); // before the first result is asked for
 * }</pre>
 *
 * The functions are put in place as the first step of ARQ's optimizer, which every local
 * query and update goes through, so they apply at every level of a query (sub-SELECTs,
 * EXISTS, aggregates), whatever its text.
 */
public final class QueryGuard {

    /**
     * Rows a sort, DISTINCT or group holds in memory before it spills to temporary files
     * (ARQ's {@code spillToDiskThreshold}; ARQ's default is never).
     */
    static final long SPILL_ROWS = 100_000;

    private QueryGuard() {
    }

    /** Makes the queries run with {@code context} obey {@code limits}. */
    public static void install(Context context, QueryLimits limits) {
        Object before = context.get(ARQConstants.sysOptimizerFactory);
        RewriteFactory standard = before instanceof RewriteFactory f ? f : Optimize.stdOptimizationFactory;
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> guarded(standard.create(cxt), limits));
        context.set(ARQ.optimization, true);
        context.set(ARQ.spillToDiskThreshold, SPILL_ROWS);
    }

    private static Rewrite guarded(Rewrite standard, QueryLimits limits) {
        return op -> standard.rewrite(guard(op, limits));
    }

    /** {@code op} with the guarded functions and capped aggregates in place of ARQ's. */
    static Op guard(Op op, QueryLimits limits) {
        return Walker.transform(op, CappedAggregates.transform(limits), GuardedRegex.transform(limits));
    }

    /**
     * Checks that no expression, pattern or property path in {@code query} nests deeper than
     * {@code limit} levels: ARQ handles them by recursion, so a long chain such as
     * {@code ?x = 1 || ?x = 2 || ... } (3,000 terms) overflows the stack somewhere between
     * parsing and answering. The walk itself goes no deeper than {@code limit}.
     *
     * @throws BadInputException saying how deep the limit is, when the query is deeper
     */
    public static void requireShallow(Query query, int limit) {
        if (new Depth(limit).query(query, 0)) {
            throw new BadInputException("the query is nested too deeply: more than " + limit
                    + " levels of expressions, patterns or paths inside each other (a long chain of || or && counts "
                    + "one level a term); use IN (...) or VALUES for a list of alternatives");
        }
    }

    /**
     * As {@link #requireShallow(Query, int)}, for the WHERE patterns of a SPARQL Update.
     *
     * @throws BadInputException saying how deep the limit is, when an update is deeper
     */
    public static void requireShallow(UpdateRequest request, int limit) {
        Depth depth = new Depth(limit);
        for (Update u : request.getOperations()) {
            if (u instanceof UpdateModify m && m.getWherePattern() != null && depth.element(m.getWherePattern(), 0)) {
                throw new BadInputException("the update is nested too deeply: more than " + limit
                        + " levels of expressions, patterns or paths inside each other in its WHERE");
            }
        }
    }

    /** Each method says whether what it looks at, starting at depth {@code d}, goes past the limit. */
    private record Depth(int limit) {

        boolean query(Query q, int d) {
            if (d > limit) {
                return true;
            }
            if (q.getQueryPattern() != null && element(q.getQueryPattern(), d + 1)) {
                return true;
            }
            if (q.hasGroupBy() && q.getGroupBy().getExprs().values().stream().anyMatch(e -> expr(e, d + 1))) {
                return true;
            }
            if (q.getProject().getExprs().values().stream().anyMatch(e -> expr(e, d + 1))) {
                return true;
            }
            if (q.hasHaving() && q.getHavingExprs().stream().anyMatch(e -> expr(e, d + 1))) {
                return true;
            }
            List<SortCondition> order = q.hasOrderBy() ? q.getOrderBy() : List.of();
            return order.stream().anyMatch(c -> expr(c.getExpression(), d + 1))
                    || q.getAggregators().stream().anyMatch(a -> expr(a, d + 1));
        }

        boolean element(Element e, int d) {
            if (d > limit) {
                return true;
            }
            if (e instanceof ElementGroup g) {
                return g.getElements().stream().anyMatch(x -> element(x, d + 1));
            }
            if (e instanceof ElementUnion u) {
                return u.getElements().stream().anyMatch(x -> element(x, d + 1));
            }
            if (e instanceof ElementFilter f) {
                return expr(f.getExpr(), d + 1);
            }
            if (e instanceof ElementBind b) {
                return expr(b.getExpr(), d + 1);
            }
            if (e instanceof ElementOptional o) {
                return element(o.getOptionalElement(), d + 1);
            }
            if (e instanceof ElementMinus m) {
                return element(m.getMinusElement(), d + 1);
            }
            if (e instanceof Element1 one) { // EXISTS, NOT EXISTS
                return element(one.getElement(), d + 1);
            }
            if (e instanceof ElementNamedGraph g) {
                return element(g.getElement(), d + 1);
            }
            if (e instanceof ElementService s) {
                return element(s.getElement(), d + 1);
            }
            if (e instanceof ElementLateral l) {
                return element(l.getLateralElement(), d + 1);
            }
            if (e instanceof ElementSubQuery s) {
                return query(s.getQuery(), d + 1);
            }
            if (e instanceof ElementPathBlock block) {
                for (TriplePath tp : block.getPattern().getList()) {
                    if (tp.getPath() != null && path(tp.getPath(), d + 1)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean expr(Expr e, int d) {
            if (d > limit) {
                return true;
            }
            if (e instanceof ExprFunctionOp op) {
                return op.getElement() != null && element(op.getElement(), d + 1)
                        || op.getArgs().stream().anyMatch(x -> expr(x, d + 1));
            }
            if (e instanceof ExprAggregator agg) {
                return agg.getAggregator().getExprList() != null
                        && agg.getAggregator().getExprList().getList().stream().anyMatch(x -> expr(x, d + 1));
            }
            if (e instanceof ExprFunction f) {
                return f.getArgs().stream().anyMatch(x -> expr(x, d + 1));
            }
            return false;
        }

        boolean path(Path p, int d) {
            if (d > limit) {
                return true;
            }
            if (p instanceof P_Path1 one) {
                return path(one.getSubPath(), d + 1);
            }
            if (p instanceof P_Path2 two) {
                return path(two.getLeft(), d + 1) || path(two.getRight(), d + 1);
            }
            return false;
        }
    }
}
