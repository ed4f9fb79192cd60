package org.newsgraph.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a request that failed for a passing reason (a dropped connection,
 * HTTP 429, 502, 503, 504) is tried again: exponential backoff from {@code firstDelay}, doubling up
 * to {@code maxDelay}, for at most {@code attempts} tries in all.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

    /** Five tries over about 15 seconds. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** The pause before try {@code attempt + 1}, after {@code attempt} failed tries (1-based). */
    public Duration delayAfter(int attempt) {
        long millis = firstDelay.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
