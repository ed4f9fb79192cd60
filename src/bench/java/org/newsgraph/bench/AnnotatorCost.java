package org.newsgraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.rdf.RioStreamWriter;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * What a set of CoreNLP settings costs: tokens/s of the whole pipeline (by the clock and by the
 * thread's CPU time, which a busy machine does not inflate) and the time of each annotator
 * (warm-up included), on one thread, after one warm-up article. With {@code -o FILE} it also writes the
 * converted articles as N-Quads, for the dev scorer.
 *
 * <pre>
 * AnnotatorCost [--profile fast|accurate] [--set key=value]... [-o FILE] PATH...
 * </pre>
 */
public final class AnnotatorCost {

    public static void main(String[] args) throws IOException {
        Properties props = NlpProfile.DEFAULT.properties();
        List<Path> paths = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> props = NlpProfile.named(args[++i]).properties();
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    props.setProperty(kv[0], kv[1]);
                }
                case "-o" -> out = Path.of(args[++i]);
                default -> paths.add(Path.of(args[i]));
            }
        }
        List<Article> articles = ArticleReader.create().read(paths)
                .filter(r -> r instanceof ReadResult.Success).map(r -> ((ReadResult.Success) r).article()).toList();
        CoreNlpAnnotator nlp = CoreNlpAnnotator.create(props);
        Article first = articles.get(0);
        nlp.annotate(first.text(), first.date()); // warm-up; its time is in the breakdown too
        long tokens = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (Article a : articles) {
            AnnotatedDocument doc = nlp.annotate(a.text(), a.date());
            tokens += doc.sentences().stream().mapToInt(s -> s.tokens().size()).sum();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.println("settings: " + new java.util.TreeMap<>(props));
        // CPU time of the annotating thread: what one thread does on a machine busy with other work.
        System.out.printf(Locale.ROOT, "articles %d, tokens %d, %.1f s, %.0f tokens/s; %.1f s CPU, %.0f tokens/CPU-s%n",
                articles.size(), tokens, seconds, tokens / seconds, cpuSeconds, tokens / cpuSeconds);
        System.out.println(nlp.timingReport());
        if (out != null) {
            ArticleConverter converter = ArticleConverter.builder().annotator(nlp).build();
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
                RioStreamWriter writer = RioStreamWriter.create(os, OutputFormat.named("nquads"));
                writer.start();
                for (Article a : articles) {
                    List<Quad> quads = converter.convert(a);
                    quads.forEach(writer::quad);
                }
                writer.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private AnnotatorCost() {
    }
}
