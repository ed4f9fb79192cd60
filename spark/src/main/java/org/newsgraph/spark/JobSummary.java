package org.newsgraph.spark;

import java.util.List;

/**
 * What a {@link ConvertJob} run did.
 *
 * @param articles       articles converted; counted by Spark accumulators, which a retried
 *                       task can increase twice: exact when no task failed
 * @param quads          quads written, counted as {@code articles}
 * @param failures       articles or files that gave no graph, exact (counted in the output)
 * @param firstFailures  up to {@link ConvertJob#FAILURES_SHOWN} of their messages, as
 *                       {@code "<source>: <problem>"}
 */
public record JobSummary(long articles, long quads, long failures, List<String> firstFailures) {

    public JobSummary {
        firstFailures = List.copyOf(firstFailures);
    }
}
