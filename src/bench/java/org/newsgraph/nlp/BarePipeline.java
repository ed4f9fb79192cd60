package org.newsgraph.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsgraph.read.Article;

/**
 * CoreNLP alone, with a profile's settings and nothing of newsgraph around it: what the
 * benchmark compares our overhead with.
 */
public final class BarePipeline {

    private final StanfordCoreNLP pipeline;

    private BarePipeline(StanfordCoreNLP pipeline) {
        this.pipeline = pipeline;
    }

    public static BarePipeline create(NlpProfile profile) {
        return new BarePipeline(new StanfordCoreNLP(profile.properties()));
    }

    /** Annotates one text; returns its number of tokens. */
    public int annotate(String text, Optional<LocalDate> date) {
        CoreDocument doc = new CoreDocument(text);
        date.ifPresent(d -> doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, d.toString()));
        pipeline.annotate(doc);
        return doc.tokens().size();
    }

    /** Annotates every article on {@code threads} threads; returns the tokens and 0 triples. */
    public long[] annotateAll(List<Article> articles, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Article a : articles) {
                done.add(pool.submit(() -> annotate(a.text(), a.date())));
            }
            long tokens = 0;
            for (Future<Integer> f : done) {
                tokens += f.get();
            }
            return new long[] {tokens, 0};
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
