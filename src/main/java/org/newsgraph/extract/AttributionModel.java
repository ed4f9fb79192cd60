package org.newsgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned attribution model: three logistic-regression scorers over
 * {@link AttributionFeatures}: whether a token is a cue, whether a span is what a cue reports,
 * whether a token heads who it is attributed to. Each has its weights, its bias and the
 * probability from which it accepts. The file is gzipped text, one weight per line
 * ({@code part TAB feature TAB weight}), comment lines saying how it was made.
 */
final class AttributionModel {

    /** The model shipped with newsgraph, trained by {@code bench/train-attribution}. */
    static final String RESOURCE = "attribution-model.tsv.gz";

    /** The three decisions the model makes. */
    enum Part { CUE, CONTENT, SOURCE }

    /** One binary scorer: P(yes) = sigmoid(bias + the sum of the weights of the features present). */
    record Scorer(Map<String, Double> weights, double bias, double threshold) {
        Scorer {
            weights = Map.copyOf(weights);
        }

        double probability(List<String> features) {
            double z = bias;
            for (String f : features) {
                z += weights.getOrDefault(f, 0.0);
            }
            return 1 / (1 + Math.exp(-z));
        }

        boolean accepts(double probability) {
            return probability >= threshold;
        }
    }

    private final Map<Part, Scorer> scorers;
    private final List<String> notes;

    AttributionModel(Map<Part, Scorer> scorers, List<String> notes) {
        for (Part p : Part.values()) {
            Objects.requireNonNull(scorers.get(p), "no scorer for " + p);
        }
        this.scorers = Map.copyOf(scorers);
        this.notes = List.copyOf(notes);
    }

    Scorer scorer(Part part) {
        return scorers.get(part);
    }

    List<String> notes() {
        return notes;
    }

    AttributionModel withThreshold(Part part, double threshold) {
        Map<Part, Scorer> copy = new HashMap<>(scorers);
        Scorer s = scorers.get(part);
        copy.put(part, new Scorer(s.weights(), s.bias(), threshold));
        return new AttributionModel(copy, notes);
    }

    /** The model shipped in the jar, read once per process; empty when the jar has none. */
    static Optional<AttributionModel> builtIn() {
        return BuiltIn.MODEL;
    }

    private static final class BuiltIn {
        static final Optional<AttributionModel> MODEL = load();

        private static Optional<AttributionModel> load() {
            try (InputStream in = AttributionModel.class.getResourceAsStream(RESOURCE)) {
                return in == null ? Optional.empty() : Optional.of(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in attribution model", e);
            }
        }
    }

    static AttributionModel read(InputStream gzipped) throws IOException {
        Map<Part, Map<String, Double>> weights = new HashMap<>();
        Map<Part, Double> bias = new HashMap<>();
        Map<Part, Double> threshold = new HashMap<>();
        List<String> notes = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.startsWith("#")) {
                notes.add(line.substring(1).strip());
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 3) {
                throw new IOException("attribution model line " + lineNo + ": expected 3 columns, found " + cols.length);
            }
            try {
                double value = Double.parseDouble(cols[2]);
                if (cols[0].equals("bias") || cols[0].equals("threshold")) {
                    (cols[0].equals("bias") ? bias : threshold).put(Part.valueOf(cols[1]), value);
                } else {
                    weights.computeIfAbsent(Part.valueOf(cols[0]), k -> new HashMap<>()).put(cols[1], value);
                }
            } catch (IllegalArgumentException e) {
                throw new IOException("attribution model line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        Map<Part, Scorer> scorers = new HashMap<>();
        for (Part p : Part.values()) {
            if (!bias.containsKey(p) || !threshold.containsKey(p)) {
                throw new IOException("attribution model: no bias or threshold for " + p);
            }
            scorers.put(p, new Scorer(weights.getOrDefault(p, Map.of()), bias.get(p), threshold.get(p)));
        }
        return new AttributionModel(scorers, notes);
    }

    void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8));
        notes.forEach(n -> w.print("# " + n + "\n"));
        for (Part p : Part.values()) {
            Scorer s = scorers.get(p);
            w.print("bias\t" + p + "\t" + s.bias() + "\n");
            w.print("threshold\t" + p + "\t" + s.threshold() + "\n");
            new TreeMap<>(s.weights()).forEach((f, v) -> w.print(p + "\t" + f.replaceAll("[\t\n\r]", " ") + "\t" + (float) (double) v + "\n"));
        }
        w.flush();
        gz.finish();
    }
}
