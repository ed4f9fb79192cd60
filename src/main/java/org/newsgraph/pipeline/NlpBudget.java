package org.newsgraph.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.newsgraph.error.ArticleTooLongException;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NlpTimeoutException;
import org.newsgraph.read.Article;

/**
 * How much of the NLP one article may take: its length in characters, checked before the NLP
 * starts, and its time, after which the thread doing its NLP is interrupted and the article
 * fails. One 2 MB article held CoreNLP for over 9 minutes and 3.4 GB of heap; a long news
 * article is 30,000 to 60,000 characters and takes seconds.
 *
 * <p>CoreNLP looks for an interrupt between annotators, between sentences, and inside its
 * taggers, its dependency parser and its pattern matchers (it throws its
 * {@code RuntimeInterruptedException} then), so an article over time stops within about a
 * sentence's work. Its NER takes an interrupt inside a sentence as the end of that sentence
 * only and goes on with the next, so the thread is interrupted again every
 * {@value #REPEAT_MILLIS} ms until the work ends. Work that does not look (tokenizing, quote
 * attribution, the extraction) runs to its end, and the article fails then. The interrupt never outlives the article's NLP:
 * the thread is clear of it when {@link #within} returns, so the thread can go on to a store
 * transaction or to the next article.
 *
 * <pre>{@code
 * NlpBudget budget = new NlpBudget(200_000, Duration.ofSeconds(120));
 * ArticleConverter converter = ArticleConverter.builder().budget(budget).build();
 * }</pre>
 *
 * @param maxChars  the longest article text, in characters (UTF-16 code units)
 * @param timeLimit the longest the NLP and extraction of one article may take
 */
public record NlpBudget(int maxChars, Duration timeLimit) {

    /** The default longest article: three times a long news article, and still seconds of NLP. */
    public static final int DEFAULT_MAX_CHARS = 200_000;
    /** The default time for one article: a long article takes about 10 s here, on one core. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(120);

    /** How often an article over time is interrupted again. */
    static final long REPEAT_MILLIS = 100;
    /** How often whether an article's work was abandoned is asked. */
    static final long ABANDON_CHECK_MILLIS = 200;

    /** One daemon thread rings every article's alarm; it only interrupts, so one is plenty. */
    private static final ScheduledThreadPoolExecutor ALARMS = alarms();

    public NlpBudget {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxChars <= 0) {
            throw new BadInputException("the longest article for the NLP must be at least 1 character, not " + maxChars);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new BadInputException("the NLP time limit must be positive, not " + seconds(timeLimit));
        }
    }

    /** The defaults: {@value #DEFAULT_MAX_CHARS} characters, 120 s. */
    public static NlpBudget standard() {
        return new NlpBudget(DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT);
    }

    /**
     * Checks that {@code article} is short enough for the NLP.
     *
     * @throws ArticleTooLongException saying how long it is and the limit
     */
    public void checkLength(Article article) {
        int length = article.text().length();
        if (length > maxChars) {
            throw new ArticleTooLongException(String.format(Locale.ROOT,
                    "too long for the NLP: %,d characters, the limit is %,d; split it, or raise the limit (--max-nlp-chars)",
                    length, maxChars));
        }
    }

    /**
     * The result of {@code work}, run on this thread, which is interrupted if {@code work} is
     * still running after {@link #timeLimit}.
     *
     * @throws NlpTimeoutException when the time ran out, whether {@code work} then stopped or
     *                             ended; the thread's interrupt is cleared
     */
    public <T> T within(Supplier<T> work) {
        return within(work, null);
    }

    /**
     * As {@link #within(Supplier)}, and the thread is interrupted as well once {@code abandoned}
     * says so (asked every {@value #ABANDON_CHECK_MILLIS} ms): whoever asked for the work has
     * gone, as a client that closed its connection.
     *
     * @throws NlpTimeoutException when the time ran out or the work was abandoned
     */
    public <T> T within(Supplier<T> work, BooleanSupplier abandoned) {
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> scheduled = ALARMS.scheduleAtFixedRate(alarm::ring, timeLimit.toNanos(),
                TimeUnit.MILLISECONDS.toNanos(REPEAT_MILLIS), TimeUnit.NANOSECONDS);
        ScheduledFuture<?> watch = abandoned == null ? null : ALARMS.scheduleAtFixedRate(() -> {
            if (alarm.abandoned() || abandoned.getAsBoolean()) {
                alarm.abandon();
            }
        }, ABANDON_CHECK_MILLIS, ABANDON_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            T result = work.get();
            alarm.checkNotRung(null);
            return result;
        } catch (NlpTimeoutException e) {
            throw e;
        } catch (RuntimeException e) {
            alarm.checkNotRung(e);
            throw e;
        } finally {
            alarm.turnOff();
            scheduled.cancel(false);
            if (watch != null) {
                watch.cancel(false);
            }
        }
    }

    /** The time limit for people: "120 s", "0.5 s". */
    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * The alarm of one article: rung by the timer thread, turned off by the article's thread. Its
     * lock makes sure no interrupt arrives after the article's thread turned it off.
     */
    private final class Alarm {
        private final Thread worker;
        private boolean off;
        private boolean rung;
        private boolean abandoned;

        Alarm(Thread worker) {
            this.worker = worker;
        }

        synchronized void ring() {
            if (!off) {
                rung = true;
                worker.interrupt();
            }
        }

        /** Rings for good: the work was abandoned (and is interrupted again at each check). */
        synchronized void abandon() {
            abandoned = true;
            ring();
        }

        synchronized boolean abandoned() {
            return abandoned;
        }

        /** Turns the alarm off; clears the interrupt it sent, which CoreNLP may not have seen. */
        synchronized void turnOff() {
            if (!off && rung) {
                Thread.interrupted();
            }
            off = true;
        }

        /** Throws when the alarm rang, with {@code cause}, what the interrupt made the work throw. */
        void checkNotRung(RuntimeException cause) {
            turnOff();
            synchronized (this) {
                if (abandoned) {
                    throw new NlpTimeoutException("NLP stopped: whoever asked for it has gone", cause);
                }
                if (rung) {
                    throw new NlpTimeoutException("NLP took longer than " + seconds(timeLimit)
                            + ", the limit for one article; skipped (raise the limit with --nlp-timeout)", cause);
                }
            }
        }
    }

    private static ScheduledThreadPoolExecutor alarms() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "newsgraph-nlp-alarm");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
