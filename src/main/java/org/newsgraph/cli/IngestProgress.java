package org.newsgraph.cli;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.newsgraph.read.Article;
import org.newsgraph.store.IngestListener;
import org.newsgraph.store.IngestOutcome;

/**
 * What {@code newsgraph ingest} shows on standard error while it runs: a progress bar on a
 * terminal (articles done / total, rate, time left), one line per article otherwise (logs,
 * pipes, tests), nothing but errors when quiet. Errors always get their own line.
 */
final class IngestProgress implements IngestListener, AutoCloseable {

    /** How progress is shown. */
    enum Mode {
        BAR, LINES, QUIET;

        /** A bar when standard error is likely a terminal, lines otherwise. */
        static Mode choose(boolean quiet) {
            if (quiet) {
                return QUIET;
            }
            // System.console() is there when standard input and output are a terminal: a person watching.
            return System.console() != null ? BAR : LINES;
        }
    }

    /** Clears the terminal line the bar is drawn on. */
    private static final String CLEAR_LINE = "\r\033[2K";

    private final PrintWriter err;
    private final Mode mode;
    private final boolean verbose;
    private long total;
    private long done;
    private ProgressBar bar;

    IngestProgress(PrintWriter err, Mode mode, boolean verbose) {
        this.err = err;
        this.mode = mode;
        this.verbose = verbose;
    }

    /** A note for the user, unless quiet. */
    void note(String message) {
        if (mode != Mode.QUIET) {
            println(message);
        }
    }

    /** An error that is not about an article being ingested (a --delete that found nothing). */
    void error(String message) {
        println("error: " + message);
    }

    /** The batch starts: about {@code total} articles are coming. */
    void start(long total) {
        this.total = total;
        if (mode == Mode.BAR) {
            bar = new ProgressBarBuilder()
                    .setTaskName("ingest")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .showSpeed(new DecimalFormat("0.00"))
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public void converting(Article article) {
        if (bar != null) {
            bar.setExtraMessage(" " + article.id());
        }
    }

    @Override
    public void ingested(Article article, IngestOutcome outcome, int triples, Duration took) {
        step(String.format(Locale.ROOT, "%s: %d triples ingested in %.1f s%s", article.id(), triples,
                took.toNanos() / 1e9, outcome == IngestOutcome.REPLACED ? ", replacing its old graph" : ""));
    }

    @Override
    public void unchanged(Article article) {
        step(article.id() + ": unchanged, skipped");
    }

    @Override
    public void failed(String message, Throwable cause) {
        println("error: " + message);
        if (verbose && cause != null) {
            cause.printStackTrace(err);
            err.flush();
        }
        step(null);
    }

    private void step(String line) {
        done++;
        if (bar != null) {
            if (done > bar.getMax()) {
                bar.maxHint(done);
            }
            bar.stepTo(done);
        } else if (mode == Mode.LINES && line != null) {
            println("[" + done + "/" + Math.max(done, total) + "] " + line);
        }
    }

    private void println(String line) {
        if (bar != null) {
            err.print(CLEAR_LINE);
        }
        err.println(line);
        err.flush();
        if (bar != null) {
            bar.refresh();
        }
    }

    /** Ends the bar, at 100%: the total was an estimate (a broken JSONL file counts its lines). */
    @Override
    public void close() {
        if (bar != null) {
            bar.setExtraMessage("");
            bar.maxHint(done);
            bar.stepTo(done);
            bar.close();
            bar = null;
        }
    }
}
