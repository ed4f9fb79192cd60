package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.newsgraph.nlp.AnnotatedDocumentJson;

/**
 * The facts of one article as the JSON of a golden folder's {@code expected.json}: entities,
 * roles, statements and events, each list in extraction order, every field of every fact.
 * A fact names an entity of the entity list as {@code "Kind: label"} ("PERSON: Maria Lopez");
 * an entity that is not in that list, equal in every field, is written out in full instead,
 * so the form loses nothing. Aliases are sorted (they are a set).
 */
final class FactList {

    static final List<String> SECTIONS = List.of("entities", "roles", "statements", "events");

    private FactList() {
    }

    /** The facts laid out as {@code expected.json} is. */
    static String write(ArticleFacts facts) {
        return AnnotatedDocumentJson.pretty(toJson(facts));
    }

    static JsonObject toJson(ArticleFacts facts) {
        List<Entity> listed = facts.entities();
        Function<Entity, JsonValue> ref = e -> listed.contains(e)
                ? new JsonString(e.kind() + ": " + e.label()) : entity(e);
        JsonObject o = new JsonObject();
        o.put("entities", array(listed, FactList::entity));
        o.put("roles", array(facts.roles(), r -> {
            JsonObject j = new JsonObject();
            j.put("person", ref.apply(r.person()));
            j.put("title", r.title());
            j.put("former", r.former());
            j.put("organization", optional(r.organization().map(ref)));
            j.put("jurisdiction", optional(r.jurisdiction().map(ref)));
            if (r.scopeInferred()) {
                j.put("scopeInferred", true);
            }
            return withEvidence(j, r);
        }));
        o.put("statements", array(facts.statements(), s -> {
            JsonObject j = new JsonObject();
            j.put("speaker", ref.apply(s.speaker()));
            j.put("text", s.text());
            j.put("direct", s.direct());
            j.put("cue", s.cue());
            return withEvidence(j, s);
        }));
        o.put("events", array(facts.events(), e -> {
            JsonObject j = new JsonObject();
            j.put("trigger", e.trigger());
            j.put("date", optional(e.date().map(t -> {
                JsonObject d = new JsonObject();
                d.put("lexical", t.lexical());
                d.put("granularity", t.granularity().name());
                return d;
            })));
            j.put("participants", array(e.participants(), ref));
            j.put("place", optional(e.place().map(ref)));
            return withEvidence(j, e);
        }));
        return o;
    }

    /**
     * Empty when {@code expectedJson} holds the same facts as {@code actual}, else a message
     * naming, for each list that differs, the facts missing and the facts found besides.
     */
    static Optional<String> differences(String expectedJson, ArticleFacts actual) {
        JsonObject expected = JSON.parse(expectedJson);
        // through text and back, so that numbers compare as the file holds them
        JsonObject found = JSON.parse(write(actual));
        StringBuilder out = new StringBuilder();
        for (String section : SECTIONS) {
            List<String> want = lines(expected, section);
            List<String> got = lines(found, section);
            if (want.equals(got)) {
                continue;
            }
            out.append(section).append(" differ:\n");
            List<String> missing = new ArrayList<>(want);
            got.forEach(missing::remove);
            List<String> extra = new ArrayList<>(got);
            want.forEach(extra::remove);
            missing.forEach(l -> out.append("  expected, not found: ").append(l).append('\n'));
            extra.forEach(l -> out.append("  found, not expected:  ").append(l).append('\n'));
            if (missing.isEmpty() && extra.isEmpty()) {
                out.append("  the same ").append(section).append(" in another order:\n");
                got.forEach(l -> out.append("    ").append(l).append('\n'));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }

    private static List<String> lines(JsonObject facts, String section) {
        JsonValue list = facts.get(section);
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("expected.json has no list \"" + section + "\"");
        }
        return list.getAsArray().stream().map(AnnotatedDocumentJson::oneLine).toList();
    }

    private static JsonObject entity(Entity e) {
        JsonObject j = new JsonObject();
        j.put("kind", e.kind().name());
        j.put("label", e.label());
        j.put("aliases", array(e.aliases().stream().sorted().toList(), JsonString::new));
        j.put("party", e.party());
        j.put("wikidata", optional(e.wikidata().map(JsonString::new)));
        return j;
    }

    private static JsonObject withEvidence(JsonObject j, Fact f) {
        JsonObject ev = new JsonObject();
        ev.put("begin", f.evidence().begin());
        ev.put("end", f.evidence().end());
        ev.put("sentence", f.evidence().sentence());
        j.put("evidence", ev);
        j.put("confidence", JsonNumber.value(f.confidence()));
        return j;
    }

    private static JsonValue optional(Optional<? extends JsonValue> value) {
        return value.isPresent() ? value.get() : JsonNull.instance;
    }

    private static <T> JsonArray array(List<T> items, Function<T, ? extends JsonValue> each) {
        JsonArray a = new JsonArray();
        items.forEach(item -> a.add(each.apply(item)));
        return a;
    }
}
