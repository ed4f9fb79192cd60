package org.newsgraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.pipeline.AnnotationCache;
import org.newsgraph.read.Article;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * PolNeAR's hand-annotated attributions over newsgraph's reading of the same articles: each
 * article as {@code corpora.py polnear-train} writes it, annotated, with its attributions' cue,
 * source and content as character ranges of the article's text (the text newsgraph annotates,
 * which lacks the headline and has its whitespace normalised: offsets are mapped by aligning the
 * two texts).
 */
final class PolnearCorpus {

    /** A character range of the article text. */
    record Range(int begin, int end) {
    }

    /** One annotated attribution; a part may be several ranges (brat's discontinuous spans). */
    record Attribution(List<Range> cue, List<Range> source, List<Range> content, String sourceText, String contentText) {
    }

    /** One article: its id, month ("2016-08"), annotations and attributions. */
    record Doc(String id, String month, AnnotatedDocument annotated, List<Attribution> attributions) {
    }

    private PolnearCorpus() {
    }

    /**
     * The articles of {@code inputs} (written by corpora.py) with the attributions of the first
     * annotator's file of each in PolNeAR's git mirror {@code gitDir}.
     */
    static List<Doc> read(Path gitDir, Path inputs, Annotator annotator) throws IOException, InterruptedException {
        Map<String, String> annFiles = new TreeMap<>();
        for (String name : git(gitDir, "ls-tree", "-r", "--name-only", "HEAD", "data/train/attributions/").split("\n")) {
            if (name.endsWith(".ann")) {
                String doc = Path.of(name).getFileName().toString().replaceAll("_[0-9a-f]{4}\\.ann$", "");
                annFiles.putIfAbsent(doc, name);
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(inputs)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<Doc> out = new ArrayList<>();
        int unaligned = 0;
        for (ReadResult r : (Iterable<ReadResult>) ArticleReader.create().read(files)::iterator) {
            if (!(r instanceof ReadResult.Success ok)) {
                continue;
            }
            Article a = ok.article();
            String ann = annFiles.get(a.id());
            if (ann == null) {
                continue;
            }
            if (annotator instanceof AnnotationCache cache && !cache.has(a.text(), a.date())) {
                continue; // only cached annotations wanted
            }
            String original = git(gitDir, "show", "HEAD:data/train/text/" + a.id() + ".txt");
            int[] map = align(original, a.text());
            if (map == null) {
                if (System.getenv("DEBUG_ALIGN") != null) {
                    System.err.println("not aligned: " + a.id() + " " + (original.indexOf(a.text().substring(0, Math.min(40, a.text().length()))) < 0 ? "start" : "body"));
                }
                unaligned++;
                continue;
            }
            List<Attribution> atts = attributions(git(gitDir, "show", "HEAD:" + ann), map, a.text());
            String month = a.id().replaceAll("^.*?_(\\d{4}-\\d{2})-\\d{2}_.*$", "$1");
            out.add(new Doc(a.id(), month, annotator.annotate(a.text(), a.date()), atts));
            if (out.size() % 100 == 0) {
                System.err.printf("read %d articles%n", out.size());
            }
        }
        System.err.printf("read %d articles (%d not aligned with their text)%n", out.size(), unaligned);
        return out;
    }

    private static List<Attribution> attributions(String ann, int[] map, String text) {
        Map<String, List<Range>> spans = new HashMap<>();
        List<Map<String, String>> events = new ArrayList<>();
        for (String line : ann.split("\n")) {
            String[] parts = line.split("\t");
            if (line.startsWith("T") && parts.length >= 2) {
                String[] typeAndRanges = parts[1].split(" ", 2);
                List<Range> ranges = new ArrayList<>();
                for (String piece : typeAndRanges[1].split(";")) {
                    String[] be = piece.trim().split(" ");
                    int b = mapped(map, Integer.parseInt(be[0]));
                    int e = mapped(map, Integer.parseInt(be[1]));
                    if (b >= 0 && e > b) {
                        ranges.add(new Range(b, e));
                    }
                }
                spans.put(parts[0], ranges);
            } else if (line.startsWith("E") && parts.length >= 2) {
                Map<String, String> roles = new LinkedHashMap<>();
                for (String arg : parts[1].split(" ")) {
                    String[] kv = arg.split(":", 2);
                    roles.put(kv[0], kv[1]);
                }
                events.add(roles);
            }
        }
        List<Attribution> out = new ArrayList<>();
        for (Map<String, String> e : events) {
            List<Range> cue = spans.getOrDefault(e.get("Cue"), List.of());
            List<Range> content = spans.getOrDefault(e.get("Content"), List.of());
            if (cue.isEmpty() || content.isEmpty()) {
                continue;
            }
            List<Range> source = spans.getOrDefault(e.get("Source"), List.of());
            out.add(new Attribution(cue, source, content, textOf(text, source), textOf(text, content)));
        }
        return out;
    }

    private static String textOf(String text, List<Range> ranges) {
        StringBuilder b = new StringBuilder();
        for (Range r : ranges) {
            b.append(b.length() > 0 ? " " : "").append(text, r.begin(), r.end());
        }
        return b.toString();
    }

    private static int mapped(int[] map, int offset) {
        return offset >= 0 && offset < map.length ? map[offset] : -1;
    }

    /**
     * For each offset of {@code original}, the offset of the same character in {@code text}, or
     * -1 before the text starts (the headline); null when the two do not agree but for whitespace.
     */
    static int[] align(String original, String text) {
        String start = text.substring(0, Math.min(40, text.length())).split("\\s*\n", 2)[0];
        int j = original.indexOf(start);
        if (j < 0) {
            return null;
        }
        int[] map = new int[original.length() + 1];
        java.util.Arrays.fill(map, 0, j, -1);
        int i = 0;
        int mismatches = 0;
        while (j < original.length()) {
            char o = original.charAt(j);
            if (i < text.length() && text.charAt(i) == o) {
                map[j++] = i++;
            } else if (Character.isWhitespace(o) || Character.isSpaceChar(o)) {
                map[j++] = i;
            } else if (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)))) {
                i++;
            } else {
                map[j++] = i < text.length() ? i++ : text.length();
                if (++mismatches > 20) {
                    return null;
                }
            }
        }
        map[original.length()] = text.length();
        return map;
    }

    private static String git(Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed");
        }
        return out;
    }
}
