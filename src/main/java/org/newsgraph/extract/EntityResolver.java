package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.CorefChain;
import org.newsgraph.nlp.CorefMention;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Span;
import org.newsgraph.nlp.Token;

/**
 * Merges the names of a document into entities: one per person, organization or place.
 * Persons merge when one name's words are all in another's ("Moore" and "Ann Moore");
 * organizations merge through the well-known list, acronyms defined in the text
 * ("Rural Transport Board (RTB)") and their suffixed forms ("X-P" after "X");
 * pronouns and noun phrases join an entity through coreference.
 */
final class EntityResolver implements ExtractionStep {

    private final Lexicon lexicon;

    EntityResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    private static final class Cluster {
        final EntityKind kind;
        final List<NameMention> members = new ArrayList<>();
        final Set<String> extraNames = new LinkedHashSet<>();
        Lexicon.KnownEntity known;
        String longForm;

        Cluster(EntityKind kind) {
            this.kind = kind;
        }

        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            members.forEach(m -> keys.add(Names.key(m.text())));
            extraNames.forEach(n -> keys.add(Names.key(n)));
            return keys;
        }
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.NAME_MENTIONS);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.ENTITIES);
    }

    @Override
    public void apply(ArticleContext context) {
        context.put(Slots.ENTITIES, resolve(context.get(Slots.DOCUMENT), context.get(Slots.NAME_MENTIONS)));
    }

    private EntityIndex resolve(AnnotatedDocument doc, List<NameMention> mentions) {
        Map<NameMention, String> acronymTexts = new HashMap<>();
        Map<String, NameMention> acronyms = acronymDefinitions(doc, mentions, acronymTexts);
        List<Cluster> clusters = new ArrayList<>();
        Map<NameMention, Cluster> clusterOf = new HashMap<>();
        List<NameMention> persons = new ArrayList<>();
        for (NameMention m : mentions) {
            if (m.kind() == EntityKind.PERSON) {
                persons.add(m);
            } else {
                clusterOf.put(m, placeOrOrg(m, acronyms, clusters, clusterOf));
            }
        }
        mergeUndefinedAcronyms(clusters, clusterOf);
        // An acronym defined in brackets is one of the names of what it abbreviates.
        acronymTexts.forEach((definition, acronym) -> {
            Cluster c = clusterOf.get(definition);
            if (c != null && !c.keys().contains(Names.key(acronym))) {
                c.extraNames.add(acronym);
            }
        });
        // Longest names first, so that a surname finds the full name it belongs to.
        persons.sort((a, b) -> Integer.compare(words(b.text()).size(), words(a.text()).size()));
        for (NameMention m : persons) {
            clusterOf.put(m, person(m, clusters));
        }
        Map<Cluster, Entity> entities = new LinkedHashMap<>();
        mentions.forEach(m -> entities.computeIfAbsent(clusterOf.get(m), this::toEntity));
        Map<Long, Entity> byToken = new HashMap<>();
        for (NameMention m : mentions) {
            for (int t = m.span().start(); t < m.span().end(); t++) {
                byToken.put(EntityIndex.position(m.span().sentence(), t), entities.get(clusterOf.get(m)));
            }
        }
        return new EntityIndex(new ArrayList<>(entities.values()), byToken, corefLinks(doc, byToken));
    }

    private Cluster placeOrOrg(NameMention m, Map<String, NameMention> acronyms, List<Cluster> clusters,
                               Map<NameMention, Cluster> clusterOf) {
        String key = Names.key(m.text());
        for (Cluster c : clusters) {
            if (c.kind != m.kind()) {
                continue;
            }
            boolean same = m.known() != null && m.known().equals(c.known)
                    || m.known() == null && c.keys().contains(key)
                    || m.kind() == EntityKind.ORGANIZATION && (definedAcronymOf(m, acronyms, c, clusterOf)
                    || suffixedAcronym(m.text(), c));
            if (same) {
                c.members.add(m);
                return c;
            }
        }
        Cluster c = new Cluster(m.kind());
        c.members.add(m);
        c.known = m.known();
        NameMention definition = acronyms.get(key);
        if (definition != null && definition != m && clusterOf.containsKey(definition)) {
            Cluster defined = clusterOf.get(definition);
            defined.members.add(m);
            return defined;
        }
        clusters.add(c);
        return c;
    }

    private static boolean definedAcronymOf(NameMention m, Map<String, NameMention> acronyms, Cluster c,
                                            Map<NameMention, Cluster> clusterOf) {
        NameMention definition = acronyms.get(Names.key(m.text()));
        if (definition != null && clusterOf.get(definition) == c) {
            c.longForm = definition.text();
            return true;
        }
        for (NameMention member : c.members) {
            NameMention d = acronyms.get(Names.key(member.text()));
            if (d != null && Names.key(d.text()).equals(Names.key(m.text()))) {
                c.longForm = m.text();
                return true;
            }
        }
        return false;
    }

    /** "ABC-P" or "ABC P" names the same body as "ABC" when the suffix is a short capital code. */
    private static boolean suffixedAcronym(String text, Cluster c) {
        String[] parts = text.split("[- ]");
        if (parts.length != 2 || !parts[1].matches("\\p{Lu}{1,2}") || !parts[0].matches("\\p{Lu}{2,}")) {
            return false;
        }
        if (c.keys().contains(Names.key(parts[0]))) {
            c.extraNames.add(text);
            return true;
        }
        return false;
    }

    /**
     * An organization named only by capitals ("SPS") whose letters are exactly the initials of
     * another organization of the article ("Scottish Prison Service") is that organization,
     * whichever comes first in the text.
     */
    private static void mergeUndefinedAcronyms(List<Cluster> clusters, Map<NameMention, Cluster> clusterOf) {
        for (Cluster shortForm : new ArrayList<>(clusters)) {
            if (shortForm.kind != EntityKind.ORGANIZATION || shortForm.known != null
                    || shortForm.members.stream().anyMatch(m -> !m.text().matches("\\p{Lu}{2,6}"))) {
                continue;
            }
            String letters = shortForm.members.get(0).text();
            List<Cluster> longForms = clusters.stream().filter(c -> c != shortForm && c.kind == EntityKind.ORGANIZATION
                    && c.members.stream().anyMatch(m -> initials(m.text()).equals(letters))).toList();
            if (longForms.size() == 1) {
                Cluster target = longForms.get(0);
                target.members.addAll(shortForm.members);
                shortForm.members.forEach(m -> clusterOf.put(m, target));
                target.longForm = target.members.stream().filter(m -> initials(m.text()).equals(letters))
                        .findFirst().map(NameMention::text).orElse(target.longForm);
                clusters.remove(shortForm);
            }
        }
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "in", "on", "to", "&");

    /** The capitals of a name's content words: "Bank of England" is "BE". */
    static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(name)) {
            if (!FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT)) && Character.isUpperCase(w.codePointAt(0))) {
                sb.appendCodePoint(w.codePointAt(0));
            } else if (!FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return "";
            }
        }
        return sb.toString();
    }

    /** "Long Name (LN)": the acronym in brackets right after a name is defined as that name. */
    private static Map<String, NameMention> acronymDefinitions(AnnotatedDocument doc, List<NameMention> mentions,
                                                               Map<NameMention, String> texts) {
        Map<String, NameMention> out = new HashMap<>();
        for (NameMention m : mentions) {
            if (m.kind() != EntityKind.ORGANIZATION) {
                continue;
            }
            Sentence s = doc.sentence(m.span().sentence());
            int i = m.span().end();
            if (i + 2 < s.tokens().size() && s.token(i).word().matches("-LRB-|\\(")
                    && s.token(i + 2).word().matches("-RRB-|\\)")) {
                String acronym = s.token(i + 1).word();
                if (acronym.matches("\\p{Lu}[\\p{Lu}\\d&-]{1,9}") && isAcronymOf(acronym, m.text())) {
                    out.putIfAbsent(Names.key(acronym), m);
                    texts.putIfAbsent(m, acronym);
                }
            }
        }
        return out;
    }

    /** The acronym's letters are initials of the name's words, in order. */
    static boolean isAcronymOf(String acronym, String name) {
        String letters = acronym.replaceAll("[^\\p{Lu}]", "");
        List<String> words = words(name);
        int w = 0;
        for (char ch : letters.toCharArray()) {
            while (w < words.size() && Character.toUpperCase(words.get(w).charAt(0)) != ch) {
                w++;
            }
            if (w == words.size()) {
                return false;
            }
            w++;
        }
        return !letters.isEmpty();
    }

    private Cluster person(NameMention m, List<Cluster> clusters) {
        Set<String> words = new HashSet<>(words(Names.key(m.text())));
        Cluster exact = null;
        List<Cluster> containing = new ArrayList<>();
        for (Cluster c : clusters) {
            if (c.kind != EntityKind.PERSON) {
                continue;
            }
            if (m.known() != null && m.known().equals(c.known) || c.keys().contains(Names.key(m.text()))) {
                exact = c;
                break;
            }
            if (c.keys().stream().anyMatch(k -> new HashSet<>(words(k)).containsAll(words))) {
                containing.add(c);
            }
        }
        Cluster target = exact != null ? exact : containing.size() == 1 ? containing.get(0) : null;
        if (target == null) {
            target = new Cluster(EntityKind.PERSON);
            target.known = m.known();
            clusters.add(target);
        }
        target.members.add(m);
        return target;
    }

    private Entity toEntity(Cluster c) {
        String label;
        Set<String> names = new LinkedHashSet<>();
        c.members.forEach(m -> names.add(m.text()));
        names.addAll(c.extraNames);
        if (c.known != null) {
            label = c.known.name();
            names.addAll(c.known.aliases());
        } else if (c.longForm != null) {
            label = c.longForm;
        } else {
            // The name with most words; among equals, one not in capitals ("Lahore", not a dateline's "LAHORE").
            label = names.stream().max(java.util.Comparator.comparingInt((String n) -> words(n).size())
                    .thenComparing(n -> !n.equals(n.toUpperCase(Locale.ROOT)) || n.length() <= 5)).orElseThrow();
        }
        names.remove(label);
        if (c.kind == EntityKind.PERSON) {
            // A bare surname or first name is a way of referring, not another name.
            names.removeIf(n -> words(n).size() < 2);
        }
        boolean party = c.kind == EntityKind.ORGANIZATION
                && (c.known != null ? c.known.party() : isPartyName(label));
        return new Entity(c.kind, label, names, party,
                c.known == null ? Optional.empty() : c.known.wikidata());
    }

    private boolean isPartyName(String name) {
        List<String> words = words(name.toLowerCase(Locale.ROOT));
        String spaced = " " + String.join(" ", words) + " ";
        return words.stream().anyMatch(lexicon.partyWords()::contains)
                && words.stream().noneMatch(lexicon.orgHeads()::contains)
                && lexicon.notPartyWords().stream().noneMatch(w -> spaced.contains(" " + w + " "));
    }

    /** Each coreference chain that names exactly one entity lends it to its other mentions. */
    private static Map<Long, Entity> corefLinks(AnnotatedDocument doc, Map<Long, Entity> byToken) {
        Map<Long, Entity> out = new HashMap<>();
        for (CorefChain chain : doc.chains()) {
            Map<Entity, Integer> votes = new HashMap<>();
            for (CorefMention cm : chain.mentions()) {
                Entity e = byToken.get(EntityIndex.position(cm.span().sentence(), cm.head()));
                if (e != null && !cm.isPronoun()) {
                    votes.merge(e, 1, Integer::sum);
                }
            }
            if (votes.size() != 1) {
                continue; // no name, or a chain that mixes two entities: trust neither
            }
            Entity e = votes.keySet().iterator().next();
            for (CorefMention cm : chain.mentions()) {
                Span sp = cm.span();
                out.putIfAbsent(EntityIndex.position(sp.sentence(), cm.head()), e);
                if (cm.isPronoun()) {
                    for (int t = sp.start(); t < sp.end(); t++) {
                        out.putIfAbsent(EntityIndex.position(sp.sentence(), t), e);
                    }
                }
            }
        }
        return out;
    }

    static List<String> words(String s) {
        return Arrays.stream(s.split("[\\s-]+")).filter(w -> !w.isEmpty()).toList();
    }

    static boolean isCapitalized(Token t) {
        return Character.isUpperCase(t.word().codePointAt(0));
    }
}
