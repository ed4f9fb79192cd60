package org.newsgraph.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The counts of one batch written through an {@link IngestSink} (an ingest, a load).
 *
 * @param added     articles that had no graph before
 * @param replaced  articles whose stored graph was replaced because their content changed
 * @param unchanged articles skipped because the store held them with the same content hash
 * @param failed    inputs that could not be read, converted or stored
 * @param elapsed   wall time of the run
 */
public record IngestSummary(int added, int replaced, int unchanged, int failed, Duration elapsed) {

    public IngestSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        if (added < 0 || replaced < 0 || unchanged < 0 || failed < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Articles written to the store: added and replaced. */
    public int ingested() {
        return added + replaced;
    }
}
