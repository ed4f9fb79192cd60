package org.newsgraph.extract;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.ling.BasicDatum;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;
import org.newsgraph.pipeline.AnnotationCache;

/**
 * Trains the learned attribution model on PolNeAR's train split and prints its scores on the
 * articles it was not trained on. The articles of the held-out months are never trained on; the
 * figures are measured on them only.
 *
 * <pre>bench/train-attribution   (see there for the arguments)</pre>
 */
public final class TrainAttribution {

    private static final String YES = "yes";
    private static final String NO = "no";
    /** Smaller weights are left out of the model file: they change almost no decision and double its size. */
    private static final double MIN_WEIGHT = Double.parseDouble(System.getProperty("attribution.minWeight", "0.05"));

    private TrainAttribution() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path git = Path.of(opt.get("polnear"));
        Path inputs = Path.of(opt.get("inputs"));
        Path out = Path.of(opt.get("out"));
        String heldOutFrom = opt.getOrDefault("held-out-from", "2016-08");
        double sigma = 1.0;
        Instant started = Instant.now();
        AnnotationCache cache = new AnnotationCache(Path.of(opt.get("cache")), "1".equals(System.getenv("NEWSGRAPH_CACHE_ONLY")));
        List<PolnearCorpus.Doc> docs = PolnearCorpus.read(git, inputs, cache);
        List<PolnearCorpus.Doc> train = docs.stream().filter(d -> d.month().compareTo(heldOutFrom) < 0).toList();
        List<PolnearCorpus.Doc> heldOut = docs.stream().filter(d -> d.month().compareTo(heldOutFrom) >= 0).toList();
        System.err.printf("training on %d articles (before %s), measuring on %d%n", train.size(), heldOutFrom, heldOut.size());

        String validateFrom = opt.getOrDefault("validate-from", "2016-07");
        List<PolnearCorpus.Doc> fit = train.stream().filter(d -> d.month().compareTo(validateFrom) < 0).toList();
        List<PolnearCorpus.Doc> validation = train.stream().filter(d -> d.month().compareTo(validateFrom) >= 0).toList();
        // the L2 prior and the thresholds chosen on the last training month, by models trained on the months before it
        double bestF1 = -1;
        double cueThreshold = 0.5;
        double contentThreshold = 0.5;
        String[] sigmas = opt.getOrDefault("sigmas", "0.25,0.5,1").split(",");
        for (String sg : sigmas) {
            AttributionModel tuned = new AttributionModel(fitScorers(fit, Double.parseDouble(sg)), List.of());
            for (double ct : new double[] {0.3, 0.4, 0.5, 0.6}) {
                for (double kt : new double[] {0.2, 0.3, 0.4, 0.5}) {
                    Evaluation e = new Evaluation(tuned.withThreshold(AttributionModel.Part.CUE, ct)
                            .withThreshold(AttributionModel.Part.CONTENT, kt));
                    validation.forEach(e::add);
                    System.err.printf("validation (%d articles from %s), sigma %s, cue >= %.1f, content >= %.1f: attributions F1 %.3f%n",
                            validation.size(), validateFrom, sg, ct, kt, e.f1());
                    if (e.f1() > bestF1) {
                        bestF1 = e.f1();
                        sigma = Double.parseDouble(sg);
                        cueThreshold = ct;
                        contentThreshold = kt;
                    }
                }
            }
        }
        Instant trainStart = Instant.now();
        Map<AttributionModel.Part, AttributionModel.Scorer> scorers = fitScorers(train, sigma);
        Duration trainTime = Duration.between(trainStart, Instant.now());
        AttributionModel model = new AttributionModel(scorers, List.of())
                .withThreshold(AttributionModel.Part.CUE, cueThreshold)
                .withThreshold(AttributionModel.Part.CONTENT, contentThreshold);
        scorers = new EnumMap<>(AttributionModel.Part.class);
        for (AttributionModel.Part p : AttributionModel.Part.values()) {
            scorers.put(p, model.scorer(p));
        }

        List<String> notes = new ArrayList<>();
        notes.add("newsgraph attribution model: logistic regression (CoreNLP LinearClassifierFactory, L2 sigma " + sigma + ")");
        notes.add("trained on PolNeAR train, " + train.size() + " articles dated before " + heldOutFrom
                + "; measured on the " + heldOut.size() + " articles from " + heldOutFrom);
        notes.add(String.format("sigma and thresholds chosen on the %d articles from %s up to %s (trained on those before): sigma %s,"
                + " cue %.1f, content %.1f; training took %d s", validation.size(), validateFrom, heldOutFrom, sigma, cueThreshold, contentThreshold,
                trainTime.toSeconds()));
        model = new AttributionModel(scorers, notes);
        Evaluation eval = new Evaluation(model);
        heldOut.forEach(eval::add);
        eval.print();
        notes.addAll(eval.lines());
        model = new AttributionModel(scorers, notes);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        System.err.printf("wrote %s (%d bytes) in %d s%n", out, Files.size(out), Duration.between(started, Instant.now()).toSeconds());
    }

    private static Map<AttributionModel.Part, AttributionModel.Scorer> fitScorers(List<PolnearCorpus.Doc> docs, double sigma) {
        Examples ex = new Examples();
        docs.forEach(ex::add);
        System.err.printf("%d articles: %d cue, %d content, %d source examples%n", docs.size(), ex.cue.size(),
                ex.content.size(), ex.source.size());
        Map<AttributionModel.Part, AttributionModel.Scorer> scorers = new EnumMap<>(AttributionModel.Part.class);
        scorers.put(AttributionModel.Part.CUE, train(ex.cue, sigma, 0.5));
        scorers.put(AttributionModel.Part.CONTENT, train(ex.content, sigma, 0.5));
        scorers.put(AttributionModel.Part.SOURCE, train(ex.source, sigma, 0.0));
        return scorers;
    }

    private static AttributionModel.Scorer train(Dataset<String, String> data, double sigma, double threshold) {
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        LinearClassifier<String, String> c = factory.trainClassifier(data);
        BasicDatum<String, String> empty = new BasicDatum<>(List.of());
        double bias = c.scoreOf(empty, YES) - c.scoreOf(empty, NO);
        Map<String, Double> weights = new HashMap<>();
        for (String f : c.features()) {
            double w = c.weight(f, YES) - c.weight(f, NO);
            if (Math.abs(w) >= MIN_WEIGHT) {
                weights.put(f, w);
            }
        }
        return new AttributionModel.Scorer(weights, bias, threshold);
    }

    /** The training examples of the three decisions, from the annotated attributions. */
    private static final class Examples {
        final Dataset<String, String> cue = new Dataset<>();
        final Dataset<String, String> content = new Dataset<>();
        final Dataset<String, String> source = new Dataset<>();

        void add(PolnearCorpus.Doc d) {
            AnnotatedDocument doc = d.annotated();
            for (Sentence s : doc.sentences()) {
                Map<Integer, List<PolnearCorpus.Attribution>> byCue = Gold.byCueHead(s, d.attributions());
                for (Token t : s.tokens()) {
                    if (!AttributionCandidates.isCue(t)) {
                        continue;
                    }
                    List<PolnearCorpus.Attribution> gold = byCue.getOrDefault(t.index(), List.of());
                    cue.add(new BasicDatum<>(AttributionFeatures.cue(doc, s, t.index()), gold.isEmpty() ? NO : YES));
                    if (gold.isEmpty()) {
                        continue;
                    }
                    for (AttributionCandidates.Span span : AttributionCandidates.contents(doc, s, t.index())) {
                        boolean right = gold.stream().anyMatch(g -> Gold.contentMatches(s, span, g));
                        content.add(new BasicDatum<>(AttributionFeatures.content(doc, s, t.index(), span), right ? YES : NO));
                    }
                    Set<Integer> heads = new HashSet<>();
                    gold.forEach(g -> heads.addAll(Gold.heads(s, g.source())));
                    if (heads.isEmpty()) {
                        continue; // the source is in another sentence, or there is none
                    }
                    for (int j : AttributionCandidates.sources(s, t.index())) {
                        source.add(new BasicDatum<>(AttributionFeatures.source(doc, s, t.index(), j), heads.contains(j) ? YES : NO));
                    }
                }
            }
        }
    }

    /** Where the annotated attributions fall on a sentence's tokens. */
    static final class Gold {
        private Gold() {
        }

        static Map<Integer, List<PolnearCorpus.Attribution>> byCueHead(Sentence s, List<PolnearCorpus.Attribution> atts) {
            Map<Integer, List<PolnearCorpus.Attribution>> out = new HashMap<>();
            for (PolnearCorpus.Attribution a : atts) {
                for (int h : heads(s, a.cue())) {
                    out.computeIfAbsent(h, k -> new ArrayList<>()).add(a);
                }
            }
            return out;
        }

        /** The tokens of {@code s} inside {@code ranges} whose head is outside them. */
        static List<Integer> heads(Sentence s, List<PolnearCorpus.Range> ranges) {
            Set<Integer> inside = new HashSet<>();
            for (Token t : s.tokens()) {
                for (PolnearCorpus.Range r : ranges) {
                    if (t.begin() >= r.begin() && t.end() <= r.end()) {
                        inside.add(t.index());
                    }
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int i : inside) {
                int gov = s.headEdge(i).map(Dependency::governor).orElse(-1);
                if (!inside.contains(gov) && !s.token(i).word().matches("\\p{Punct}+")) {
                    out.add(i);
                }
            }
            out.sort(null);
            return out.isEmpty() ? out : List.of(out.get(0));
        }

        static boolean contentMatches(Sentence s, AttributionCandidates.Span span, PolnearCorpus.Attribution g) {
            String text = s.textOf(span.start(), span.end());
            return TokenOverlap.f1(text, g.contentText()) >= 0.5;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, found " + args[i]);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("polnear", "inputs", "cache", "out")) {
            if (!opt.containsKey(required)) {
                System.err.println("usage: TrainAttribution --polnear GITDIR --inputs DIR --cache DIR --out MODEL.tsv.gz"
                        + " [--held-out-from YYYY-MM] [--validate-from YYYY-MM] [--sigmas S,S,...]");
                System.exit(2);
            }
        }
        return opt;
    }
}
