package org.newsgraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.BarePipeline;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.pipeline.ParallelConverter;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.rdf.RioStreamWriter;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;

/**
 * Articles, tokens and triples per second of {@code convert} (the same classes, writing
 * N-Quads), or of a bare CoreNLP pipeline with the same settings, on each set and thread count.
 * Both run the whole set once per thread count, untimed, before the clock starts; then each
 * thread count runs {@code -Drounds} times (2 by default), in turn, and the fastest run is
 * printed: noise from the rest of the machine only ever slows a run down. Run by
 * {@code bench/run}.
 *
 * <pre>
 * Throughput ours|bare|both PROFILE THREADS,... OUT_DIR SET_DIR...
 * </pre>
 */
public final class Throughput {

    public static void main(String[] args) throws IOException {
        List<String> modes = args[0].equals("both") ? List.of("ours", "bare") : List.of(args[0]);
        NlpProfile profile = NlpProfile.named(args[1]);
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : args[2].split(",")) {
            threadCounts.add(Integer.parseInt(t));
        }
        Path out = Path.of(args[3]);
        int rounds = Integer.getInteger("rounds", 2);
        // CoreNLP hands both pipelines the same annotator instances (it caches them by setting),
        // so one JVM holds one set of models and both run on the same compiled code.
        Annotator nlp = modes.contains("ours") ? CoreNlpAnnotator.shared(profile) : null;
        BarePipeline pipeline = modes.contains("bare") ? BarePipeline.create(profile) : null;
        for (int i = 4; i < args.length; i++) {
            Path set = Path.of(args[i]);
            List<Article> articles = BenchCorpus.read(set);
            // Warm-up: the whole set once per thread count, untimed, so that no timed pass pays
            // for the JIT compiling on the other core (one pass was not enough to settle).
            for (int threads : threadCounts) {
                for (String mode : modes) {
                    run(mode, pipeline, nlp, articles, threads, out.resolve(set.getFileName() + "-warm-up.nq"));
                }
            }
            Map<String, String> best = new LinkedHashMap<>();
            Map<String, Double> bestSeconds = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int threads : threadCounts) {
                    // Alternate which goes first, so that neither always runs after the other's garbage.
                    List<String> order = new ArrayList<>(modes);
                    if (round % 2 == 0) {
                        java.util.Collections.reverse(order);
                    }
                    for (String mode : order) {
                        long start = System.nanoTime();
                        long cpuStart = processCpuNanos();
                        long[] counts = run(mode, pipeline, nlp, articles, threads,
                                out.resolve(set.getFileName() + "-" + threads + ".nq"));
                        double s = (System.nanoTime() - start) / 1e9;
                        double cpu = (processCpuNanos() - cpuStart) / 1e9;
                        String key = mode + " " + threads;
                        if (s < bestSeconds.getOrDefault(key, Double.MAX_VALUE)) {
                            bestSeconds.put(key, s);
                            best.put(key, String.format(Locale.ROOT, "%s %s threads=%d articles=%d tokens=%d "
                                            + "triples=%d seconds=%.2f articles/s=%.2f tokens/s=%.0f triples/s=%.0f "
                                            + "cpu-seconds=%.2f best-of=%d", mode, set.getFileName(), threads,
                                    articles.size(), counts[0], counts[1], s, articles.size() / s, counts[0] / s,
                                    counts[1] / s, cpu, rounds));
                        }
                    }
                }
            }
            best.values().forEach(System.out::println);
        }
    }

    private static long[] run(String mode, BarePipeline pipeline, Annotator nlp, List<Article> articles, int threads,
            Path file) throws IOException {
        return mode.equals("bare") ? pipeline.annotateAll(articles, threads) : convert(nlp, articles, threads, file);
    }

    /**
     * CPU time of the whole JVM (all threads, GC and JIT included): unlike the clock, not
     * stretched when other processes share the machine.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Converts as {@code newsgraph convert -f nquads --threads N} does; returns tokens and triples. */
    private static long[] convert(Annotator nlp, List<Article> articles, int threads, Path file) throws IOException {
        AtomicLong tokens = new AtomicLong();
        Annotator counting = (String text, Optional<LocalDate> date) -> {
            AnnotatedDocument doc = nlp.annotate(text, date);
            tokens.addAndGet(doc.sentences().stream().mapToInt(s -> s.tokens().size()).sum());
            return doc;
        };
        ArticleConverter converter = ArticleConverter.builder().annotator(counting).build();
        long[] triples = {0};
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file))) {
            RioStreamWriter writer = RioStreamWriter.create(os, OutputFormat.named("nquads"));
            writer.start();
            ParallelConverter.builder().converter(converter).threads(threads).build()
                    .run(articles.stream().map(ReadResult::success), new ParallelConverter.Sink() {
                        @Override
                        public void converted(Article article, List<Quad> quads, long nanos) {
                            quads.forEach(writer::quad);
                            triples[0] += quads.size();
                        }

                        @Override
                        public void failed(Article article, RuntimeException error) {
                            throw error;
                        }

                        @Override
                        public void unreadable(ReadResult.Failure failure) {
                            throw new IllegalStateException(failure.message());
                        }
                    });
            writer.finish();
        }
        return new long[] {tokens.get(), triples[0]};
    }

    private Throughput() {
    }
}
