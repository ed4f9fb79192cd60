package org.newsgraph.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which persons of a store are one: pure logic over {@link PersonRecord}s, no store.
 * <ul>
 * <li>Spelling variants: names equal once case, spaces and hyphens are dropped ("Ali-Khan",
 *     "Ali Khan") join the variant named by most articles.</li>
 * <li>A one-word person joins the fuller person whose name it begins or ends, when exactly one
 *     fuller person of the store does ("Imran" and "Imran Khan", not when "Imran Khan" and
 *     "Imran Ismail" are both there), or when one of them is named in at least four times as many
 *     articles as all the others together, and in five at least.</li>
 * </ul>
 * A one-word name in an article that names several such fuller persons stays as it is. Two
 * different full names never join; spelling variants join only in articles that do not name
 * both (there the extraction kept them apart on purpose).
 */
public final class Resolver {

    private final MergeRules rules;

    public Resolver(MergeRules rules) {
        this.rules = rules;
    }

    /** The merges for these persons, variants first, each person merged at most once. */
    public List<Merge> merges(List<PersonRecord> persons) {
        List<Merge> out = new ArrayList<>();
        Map<String, PersonRecord> gone = new HashMap<>();
        variants(persons, out, gone);
        List<PersonRecord> left = persons.stream().filter(p -> !gone.containsKey(p.iri())).toList();
        oneWordNames(left, out);
        return out;
    }

    private void variants(List<PersonRecord> persons, List<Merge> out, Map<String, PersonRecord> gone) {
        Map<String, List<PersonRecord>> byCompact = new LinkedHashMap<>();
        for (PersonRecord p : persons) {
            for (String label : new TreeSet<>(p.labels())) {
                if (label.strip().contains(" ") || label.contains("-")) {
                    byCompact.computeIfAbsent(compact(label), k -> new ArrayList<>()).add(p);
                }
            }
        }
        for (List<PersonRecord> group : byCompact.values()) {
            List<PersonRecord> distinct = group.stream().distinct().filter(p -> !gone.containsKey(p.iri()))
                    .sorted(Comparator.comparing((PersonRecord p) -> -p.graphs().size()).thenComparing(PersonRecord::iri))
                    .toList();
            if (distinct.size() < 2) {
                continue;
            }
            PersonRecord into = distinct.get(0);
            for (PersonRecord from : distinct.subList(1, distinct.size())) {
                if (!rules.forbids(from, into)) {
                    add(out, from, into, "spelling variant of \"" + first(into) + "\" (spaces and hyphens aside)");
                    gone.put(from.iri(), into);
                }
            }
        }
    }

    private void oneWordNames(List<PersonRecord> persons, List<Merge> out) {
        Map<String, Set<PersonRecord>> byEndWord = byEndWord(persons);
        for (PersonRecord p : persons) {
            if (!p.oneWord()) {
                continue;
            }
            Set<PersonRecord> fuller = fullerNames(p, byEndWord);
            Optional<PersonRecord> storeWide = fuller.size() == 1 ? Optional.of(fuller.iterator().next()) : dominant(fuller);
            // In an article that names one of the fuller persons, that one; elsewhere, the store's
            // only one, or the one it names far more often than all the others together.
            Map<PersonRecord, List<String>> targets = new LinkedHashMap<>();
            for (String g : new TreeSet<>(p.graphs())) {
                List<PersonRecord> here = fuller.stream().filter(f -> f.graphs().contains(g)).toList();
                PersonRecord into = here.size() == 1 ? here.get(0) : here.isEmpty() ? storeWide.orElse(null) : null;
                if (into != null) {
                    targets.computeIfAbsent(into, k -> new ArrayList<>()).add(g);
                }
            }
            targets.forEach((into, graphs) -> out.add(new Merge(p.iri(), into.iri(), fuller.size() == 1
                    ? "one-word name \"" + first(p) + "\" begins or ends the name of one fuller person, \"" + first(into) + "\""
                    : storeWide.filter(into::equals).isPresent() && graphs.stream().noneMatch(into.graphs()::contains)
                    ? "one-word name \"" + first(p) + "\" begins or ends the name of \"" + first(into) + "\", whom the store names in "
                    + into.graphs().size() + " articles, at least " + DOMINANCE + " times as many as the " + (fuller.size() - 1)
                    + " other fuller " + (fuller.size() == 2 ? "person" : "persons") + " it begins or ends"
                    : "one-word name \"" + first(p) + "\" begins or ends the name of the one fuller person its article names, \""
                    + first(into) + "\"", graphs)));
        }
    }

    /**
     * The persons that may be one but that {@link #merges} leaves apart, for a person to decide: a
     * one-word person beside the fuller persons whose names it begins or ends (all of them, when
     * there are several), and names equal but for case, spaces and hyphens under different IRIs.
     * Pairs the rules forbid are left out. Most named first (by the articles of the person and its
     * look-alikes).
     */
    public List<PossibleDuplicate> possibleDuplicates(List<PersonRecord> persons) {
        List<PossibleDuplicate> out = new ArrayList<>();
        Map<String, List<PersonRecord>> byCompact = new LinkedHashMap<>();
        Map<String, Set<PersonRecord>> byEndWord = byEndWord(persons);
        for (PersonRecord p : persons) {
            for (String label : p.labels()) {
                byCompact.computeIfAbsent(compact(label), k -> new ArrayList<>()).add(p);
            }
        }
        Set<String> seen = new HashSet<>();
        for (List<PersonRecord> group : byCompact.values()) {
            List<PersonRecord> distinct = group.stream().distinct().sorted(BY_ARTICLES).toList();
            PersonRecord head = distinct.get(0);
            distinct = distinct.stream().filter(q -> q == head || !rules.forbids(head, q)).toList();
            if (distinct.size() > 1 && seen.add(distinct.stream().map(PersonRecord::iri).sorted().toList().toString())) {
                out.add(new PossibleDuplicate(distinct.get(0), distinct.subList(1, distinct.size()),
                        "names equal but for case, spaces or hyphens"));
            }
        }
        for (PersonRecord p : persons) {
            if (!p.oneWord()) {
                continue;
            }
            Set<PersonRecord> fuller = fullerNames(p, byEndWord);
            if (!fuller.isEmpty()) {
                out.add(new PossibleDuplicate(p, fuller.stream().sorted(BY_ARTICLES).toList(), fuller.size() == 1
                        ? "a one-word name that begins or ends a fuller name"
                        : "a one-word name that begins or ends " + fuller.size() + " fuller names"));
            }
        }
        out.sort(Comparator.comparing((PossibleDuplicate d) -> -d.articles()).thenComparing(d -> first(d.person())));
        return out;
    }

    private static final Comparator<PersonRecord> BY_ARTICLES =
            Comparator.comparing((PersonRecord p) -> -p.graphs().size()).thenComparing(PersonRecord::iri);

    /** How many times as many articles the most named fuller person needs as all the others together. */
    static final int DOMINANCE = 4;
    /** ... and in at least this many articles. */
    private static final int DOMINANT_ARTICLES = 5;

    /**
     * Of several fuller persons, the one the store names in {@link #DOMINANCE} times as many
     * articles as all the others together ("Trump": the president, not a relative named once).
     */
    private static Optional<PersonRecord> dominant(Set<PersonRecord> fuller) {
        List<PersonRecord> byArticles = fuller.stream().sorted(BY_ARTICLES).toList();
        if (byArticles.isEmpty()) {
            return Optional.empty();
        }
        int top = byArticles.get(0).graphs().size();
        int others = byArticles.stream().skip(1).mapToInt(q -> q.graphs().size()).sum();
        return top >= DOMINANT_ARTICLES && top >= DOMINANCE * others ? Optional.of(byArticles.get(0)) : Optional.empty();
    }

    /** The persons of more than one word by the first and the last word of each of their names, lower case. */
    private static Map<String, Set<PersonRecord>> byEndWord(List<PersonRecord> persons) {
        Map<String, Set<PersonRecord>> byEndWord = new HashMap<>();
        for (PersonRecord p : persons) {
            if (p.oneWord()) {
                continue;
            }
            for (String label : p.labels()) {
                String[] w = label.strip().toLowerCase(Locale.ROOT).split("\\s+");
                byEndWord.computeIfAbsent(w[0], k -> new java.util.LinkedHashSet<>()).add(p);
                byEndWord.computeIfAbsent(w[w.length - 1], k -> new java.util.LinkedHashSet<>()).add(p);
            }
        }
        return byEndWord;
    }

    /** The fuller persons one of whose names begins or ends with a name of one-word person {@code p}, less those the rules forbid. */
    private Set<PersonRecord> fullerNames(PersonRecord p, Map<String, Set<PersonRecord>> byEndWord) {
        Set<PersonRecord> fuller = new java.util.LinkedHashSet<>();
        for (String label : p.labels()) {
            fuller.addAll(byEndWord.getOrDefault(label.strip().toLowerCase(Locale.ROOT), Set.of()));
        }
        fuller.remove(p);
        fuller.removeIf(f -> rules.forbids(p, f));
        return fuller;
    }

    private static void add(List<Merge> out, PersonRecord from, PersonRecord into, String reason) {
        List<String> graphs = from.graphs().stream().filter(g -> !into.graphs().contains(g)).sorted().toList();
        if (!graphs.isEmpty()) {
            out.add(new Merge(from.iri(), into.iri(), reason, graphs));
        }
    }

    private static String compact(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-‐-―]+", "");
    }

    private static String first(PersonRecord p) {
        return new TreeSet<>(p.labels()).first();
    }
}
