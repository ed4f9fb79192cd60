package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NlpTimeoutException;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * The time budget with the real CoreNLP pipeline: an interrupt stops CoreNLP itself halfway
 * through a long article, rather than the article failing only when its NLP is over, and the
 * same converter then converts the next article as before.
 */
class NlpBudgetIT {

    private static final Path SAMPLE = Path.of("data/articles/mqm-bahadurabad-2025-02-09.txt");
    private static final Duration LIMIT = Duration.ofSeconds(3);

    private static Article sample() {
        List<ReadResult> read = ArticleReader.create().read(List.of(SAMPLE)).toList();
        return ((ReadResult.Success) read.get(0)).article();
    }

    private static DatasetGraph dataset(List<Quad> quads) {
        DatasetGraph d = DatasetGraphFactory.create();
        quads.forEach(d::add);
        return d;
    }

    @Test
    void aLongArticleIsStoppedInsideCoreNlpAtTheLimitAndTheNextConvertsAsBefore() {
        ArticleConverter converter = ArticleConverter.builder().budget(new NlpBudget(200_000, LIMIT)).build();
        Article sample = sample();
        List<Quad> before = converter.convert(sample);
        // 70 copies of the sample, 145,000 characters: under the length limit, and 34 s of NLP
        // without a limit on this 2-core machine (2026-12-07).
        String text = (sample.text() + "\n\n").repeat(70);
        Article longOne = new Article("long", sample.date(), sample.title(), sample.url(), text, "in/long.txt");

        long start = System.nanoTime();
        NlpTimeoutException e = assertThrows(NlpTimeoutException.class, () -> converter.convert(longOne));
        long took = System.nanoTime() - start;

        assertTrue(took < LIMIT.toNanos() + 5_000_000_000L, "stopped " + took / 1_000_000 + " ms after it started");
        // CoreNLP threw on seeing the interrupt: it stopped, rather than running to its end.
        assertEquals("RuntimeInterruptedException", e.getCause().getClass().getSimpleName(), String.valueOf(e.getCause()));
        assertTrue(IsoMatcher.isomorphic(dataset(before), dataset(converter.convert(sample))),
                "the sample converts as it did before the stopped article");
    }
}
