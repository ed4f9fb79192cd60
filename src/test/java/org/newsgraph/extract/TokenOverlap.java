package org.newsgraph.extract;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Token overlap of two texts as the evaluation scorer counts it: lower-case letters and digits, as a multiset. */
final class TokenOverlap {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+");

    private TokenOverlap() {
    }

    static double f1(String a, String b) {
        Map<String, Integer> ca = counts(a);
        Map<String, Integer> cb = counts(b);
        int na = ca.values().stream().mapToInt(Integer::intValue).sum();
        int nb = cb.values().stream().mapToInt(Integer::intValue).sum();
        int common = common(ca, cb);
        if (common == 0) {
            return 0;
        }
        double p = (double) common / na;
        double r = (double) common / nb;
        return 2 * p * r / (p + r);
    }

    /** Whether a text of at least 8 tokens lies 80% inside the other: a piece of it. */
    static boolean fragment(String part, String whole) {
        Map<String, Integer> cp = counts(part);
        int n = cp.values().stream().mapToInt(Integer::intValue).sum();
        return n >= 8 && common(cp, counts(whole)) >= 0.8 * n;
    }

    static boolean matches(String predicted, String gold) {
        return f1(predicted, gold) >= 0.5 || fragment(predicted, gold);
    }

    private static int common(Map<String, Integer> a, Map<String, Integer> b) {
        int common = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return common;
    }

    private static Map<String, Integer> counts(String s) {
        Map<String, Integer> out = new HashMap<>();
        Matcher m = TOKEN.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.merge(m.group(), 1, Integer::sum);
        }
        return out;
    }
}
