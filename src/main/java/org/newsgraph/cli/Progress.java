package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines, errors and the closing summary of a batch, on standard error. */
final class Progress {

    private final PrintWriter err;
    private final boolean quiet;
    private final long started = System.nanoTime();
    private int converted;
    private int failures;
    private long triples;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    void note(String message) {
        if (!quiet) {
            err.println(message);
            err.flush();
        }
    }

    void converted(String id, int quads, long nanos) {
        converted++;
        triples += quads;
        note(String.format(Locale.ROOT, "[%d] %s: %d triples in %.1f s", converted + failures, id, quads, nanos / 1e9));
    }

    void failed(String message, Throwable cause) {
        failures++;
        err.println("error: " + message);
        if (cause != null) {
            cause.printStackTrace(err);
        }
        err.flush();
    }

    int failures() {
        return failures;
    }

    void summary() {
        err.println(String.format(Locale.ROOT, "%d article%s converted, %d failed, %d triples, %.1f s",
                converted, converted == 1 ? "" : "s", failures, triples, (System.nanoTime() - started) / 1e9));
        err.flush();
    }
}
