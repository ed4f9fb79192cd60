package org.newsgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.error.NewsgraphException;

/**
 * The domain word lists extraction uses: honorifics, speech verbs, event triggers, political
 * titles, party words and well-known entities. They ship as data files beside this
 * class (the well-known entities in {@code ontology/known-entities.tsv}); {@link #withExtensions(Path)} adds a user's own files of the same names.
 *
 * @param honorifics    lower-case honorifics without a period ("dr", "sir")
 * @param speechVerbs   speech-verb lemmas
 * @param objectSpeech  speech verbs whose direct object is what was said ("deny claims")
 * @param speechNouns   nouns that report speech with a source and a "that" clause ("claims from X that ...")
 * @param eventTriggers event verb lemmas
 * @param eventNouns    nouns that name an event ("election", "rally")
 * @param titles        lower-case political titles, by number of words, longest first
 * @param placeTitles   titles held in a place rather than an organization
 * @param partyWords    words that make an organization a party
 * @param notPartyWords words and phrases that keep an organization from being a party ("super league", "union")
 * @param notPersonNames lower-case names that NER takes for persons but never are (religious and national observances)
 * @param bareBodyNouns nouns that name no body alone ("the House", "the Committee")
 * @param orgHeads      nouns that make a body of its own after an organization name
 * @param orgSuffixes   head nouns of organization names ("commission", "police")
 * @param titleModifiers ranks and portfolios that belong to a title before it ("deputy", "justice")
 * @param titleBodies   for a title's last word, the last words of the names of bodies it is held in
 * @param titleForms    the full title an abbreviation stands for ("cm" for "chief minister")
 * @param boilerplate   patterns of scraped-page lines that are not part of the story
 * @param known         well-known entities by normalized alias
 */
public record Lexicon(Set<String> honorifics, Set<String> speechVerbs, Set<String> objectSpeech, Set<String> speechNouns,
                      Set<String> eventTriggers, Set<String> eventNouns, List<String> titles, Set<String> placeTitles,
                      Set<String> partyWords, Set<String> notPartyWords, Set<String> notPersonNames, Set<String> bareBodyNouns, Set<String> orgHeads, Set<String> orgSuffixes, Set<String> titleModifiers,
                      Map<String, Set<String>> titleBodies, Map<String, String> titleForms,
                      List<java.util.regex.Pattern> boilerplate, Map<String, KnownEntity> known) {

    /** A well-known person, organization or place from {@code ontology/known-entities.tsv}. */
    public record KnownEntity(EntityKind kind, String name, boolean party, Optional<String> wikidata,
                              List<String> aliases) {
    }

    public Lexicon {
        honorifics = Set.copyOf(honorifics);
        speechVerbs = Set.copyOf(speechVerbs);
        objectSpeech = Set.copyOf(objectSpeech);
        speechNouns = Set.copyOf(speechNouns);
        eventTriggers = Set.copyOf(eventTriggers);
        eventNouns = Set.copyOf(eventNouns);
        titles = List.copyOf(titles);
        placeTitles = Set.copyOf(placeTitles);
        partyWords = Set.copyOf(partyWords);
        notPartyWords = Set.copyOf(notPartyWords);
        notPersonNames = Set.copyOf(notPersonNames);
        bareBodyNouns = Set.copyOf(bareBodyNouns);
        orgHeads = Set.copyOf(orgHeads);
        titleModifiers = Set.copyOf(titleModifiers);
        titleBodies = Map.copyOf(titleBodies);
        titleForms = Map.copyOf(titleForms);
        orgSuffixes = Set.copyOf(orgSuffixes);
        boilerplate = List.copyOf(boilerplate);
        known = Map.copyOf(known);
    }

    /** Whether a paragraph or sentence is page furniture ("Also Read: ...", "Photo: File"). */
    public boolean isBoilerplate(String text) {
        String s = text.strip();
        return boilerplate.stream().anyMatch(p -> p.matcher(s).matches());
    }

    private static final Lexicon BUILT_IN = load(Map.of());

    /** The lists shipped with newsgraph. */
    public static Lexicon builtIn() {
        return BUILT_IN;
    }

    /** The shipped lists plus the files of the same names found in {@code dir}. */
    public static Lexicon withExtensions(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NewsgraphException(dir + ": lexicon directory not found");
        }
        return withExtensions(readFolder(dir));
    }

    /**
     * The shipped lists plus {@code files}, the text of files by name ({@code titles.txt} and so
     * on; other names are ignored): for a lexicon read in one place and used in another, as
     * a Spark job's driver ships the user's folder to its executors.
     */
    public static Lexicon withExtensions(Map<String, String> files) {
        return load(Map.copyOf(files));
    }

    /** The text of each regular file directly in {@code dir}, by name. */
    public static Map<String, String> readFolder(Path dir) {
        List<Path> found;
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            found = entries.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new NewsgraphException(dir + ": cannot read the lexicon folder: " + e.getMessage(), e);
        }
        Map<String, String> files = new HashMap<>();
        for (Path f : found) {
            try {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new NewsgraphException(f + ": cannot read this word list (is it UTF-8 text?): " + e, e);
            }
        }
        return files;
    }

    /** Whether {@code word} (any case, period optional) is an honorific. */
    public boolean isHonorific(String word) {
        return honorifics.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    /** The well-known organization one of whose names is {@code name}, if any. */
    public Optional<KnownEntity> findKnown(String name) {
        return Optional.ofNullable(known.get(Names.key(name)));
    }

    private static Lexicon load(Map<String, String> extra) {
        Set<String> honorifics = new HashSet<>(words("honorifics.txt", extra));
        Set<String> speech = new HashSet<>();
        Set<String> objectSpeech = new HashSet<>();
        for (String line : words("speech-verbs.txt", extra)) {
            String verb = line.replace("+obj", "").strip();
            speech.add(verb);
            if (line.contains("+obj")) {
                objectSpeech.add(verb);
            }
        }
        List<String> titles = new ArrayList<>();
        Set<String> placeTitles = new HashSet<>();
        Map<String, String> titleForms = new HashMap<>();
        for (String line : words("titles.txt", extra)) {
            String title = line.replace("@place", "").strip();
            int equals = title.indexOf(" = ");
            if (equals > 0) {
                // "cm = chief minister": matched as written, recorded in full so titles compare across articles
                titleForms.put(title.substring(0, equals).strip(), title.substring(equals + 3).strip());
                title = title.substring(0, equals).strip();
            }
            if (!titles.contains(title)) {
                titles.add(title);
            }
            if (line.contains("@place")) {
                placeTitles.add(title);
            }
        }
        titles.sort((a, b) -> Integer.compare(b.split(" ").length, a.split(" ").length));
        Map<String, KnownEntity> known = new HashMap<>();
        for (String line : lines(KNOWN_ENTITIES, extra)) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new NewsgraphException("known-entities.tsv: expected kind, name, wikidata, aliases: " + line);
            }
            List<String> aliases = f.length > 3 && !f[3].isBlank() ? List.of(f[3].split("\\|")) : List.of();
            KnownEntity e = new KnownEntity(kind(f[0].strip(), line), f[1].strip(), f[0].strip().equals("party"),
                    f[2].strip().equals("-") ? Optional.empty() : Optional.of(f[2].strip()), aliases);
            known.put(Names.key(e.name()), e);
            for (String a : aliases) {
                known.putIfAbsent(Names.key(a), e);
            }
        }
        return new Lexicon(honorifics, speech, objectSpeech, new HashSet<>(words("speech-nouns.txt", extra)),
                new HashSet<>(words("event-triggers.txt", extra)),
                new HashSet<>(words("event-nouns.txt", extra)),
                titles, placeTitles, new HashSet<>(words("party-words.txt", extra)),
                new HashSet<>(words("not-party-words.txt", extra)),
                new HashSet<>(words("not-person-names.txt", extra)),
                new HashSet<>(words("bare-body-nouns.txt", extra)),
                new HashSet<>(words("org-heads.txt", extra)), new HashSet<>(words("org-suffixes.txt", extra)),
                new HashSet<>(words("title-modifiers.txt", extra)), titleBodies(extra), titleForms,
                lines("boilerplate.txt", extra).stream().map(Lexicon::pattern).toList(), known);
    }

    private static java.util.regex.Pattern pattern(String regex) {
        try {
            return java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new NewsgraphException("boilerplate.txt: not a regular expression: " + regex + " (" + e.getDescription() + ")");
        }
    }

    private static EntityKind kind(String kind, String line) {
        switch (kind) {
            case "party": case "organization": case "org":
                return EntityKind.ORGANIZATION;
            case "person":
                return EntityKind.PERSON;
            case "place":
                return EntityKind.PLACE;
            default:
                throw new NewsgraphException("known-entities.tsv: kind must be party, organization, person or place: " + line);
        }
    }

    private static Map<String, Set<String>> titleBodies(Map<String, String> extra) {
        Map<String, Set<String>> bodies = new HashMap<>();
        for (String line : words("title-bodies.tsv", extra)) {
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new NewsgraphException("title-bodies.tsv: expected a title's last word, a tab and body words: " + line);
            }
            bodies.computeIfAbsent(f[0].strip(), k -> new HashSet<>()).addAll(List.of(f[1].strip().split("\\s*\\|\\s*")));
        }
        bodies.replaceAll((k, v) -> Set.copyOf(v));
        return bodies;
    }

    /** Where the shipped list of well-known entities is; users extend it with a file of the same name. */
    private static final String KNOWN_ENTITIES = "/ontology/known-entities.tsv";

    private static List<String> lines(String resource, Map<String, String> extra) {
        List<String> out = new ArrayList<>();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NewsgraphException("lexicon file " + name + " is missing from the build");
            }
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
            String added = extra.get(name);
            if (added != null) {
                read(new BufferedReader(new java.io.StringReader(added)), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon file " + name, e);
        }
        return out;
    }

    private static void read(BufferedReader r, List<String> out) throws IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
    }

    /** A word list's lines in lower case; tables and patterns keep theirs ("\\S" is not "\\s"). */
    private static List<String> words(String resource, Map<String, String> extra) {
        return lines(resource, extra).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
