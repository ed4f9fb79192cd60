package org.newsgraph.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * Where the time of one article goes: CoreNLP annotation versus newsgraph's own extraction.
 * Run by {@code bench/extraction-time}; prints per-article milliseconds and the totals.
 */
public final class ExtractionTiming {

    private static final int EXTRACTION_ROUNDS = 50;

    public static void main(String[] args) {
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Path.of(a));
        }
        List<Article> articles = ArticleReader.create().read(paths)
                .filter(r -> r instanceof ReadResult.Success).map(r -> ((ReadResult.Success) r).article()).toList();
        Annotator nlp = CoreNlpAnnotator.shared();
        Extractor extractor = Extractor.create(Lexicon.builtIn());
        nlp.annotate("Warm up the pipeline, said the tester on Monday.", java.util.Optional.empty());
        double nlpTotal = 0;
        double extractTotal = 0;
        System.out.printf(Locale.ROOT, "%-45s %8s %10s %12s%n", "article", "tokens", "nlp ms", "extract ms");
        for (Article a : articles) {
            long t0 = System.nanoTime();
            AnnotatedDocument doc = nlp.annotate(a.text(), a.date());
            double nlpMs = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 5; i++) {
                extractor.extract(a, doc); // warm-up of the JIT for this input
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < EXTRACTION_ROUNDS; i++) {
                extractor.extract(a, doc);
            }
            double extractMs = (System.nanoTime() - t1) / 1e6 / EXTRACTION_ROUNDS;
            int tokens = doc.sentences().stream().mapToInt(s -> s.tokens().size()).sum();
            System.out.printf(Locale.ROOT, "%-45s %8d %10.1f %12.2f%n", a.id(), tokens, nlpMs, extractMs);
            nlpTotal += nlpMs;
            extractTotal += extractMs;
        }
        System.out.printf(Locale.ROOT, "%-45s %8s %10.1f %12.2f  (extraction is %.1f%% of the total)%n", "total", "",
                nlpTotal, extractTotal, 100 * extractTotal / (nlpTotal + extractTotal));
    }

    private ExtractionTiming() {
    }
}
