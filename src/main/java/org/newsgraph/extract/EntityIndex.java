package org.newsgraph.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entities of one article and where the text mentions them, directly or through a
 * pronoun or noun phrase that coreference tied to them.
 */
public final class EntityIndex {

    private final List<Entity> entities;
    private final Map<Long, Entity> byToken;
    private final Map<Long, Entity> byCorefToken;

    EntityIndex(List<Entity> entities, Map<Long, Entity> byToken, Map<Long, Entity> byCorefToken) {
        this.entities = List.copyOf(entities);
        this.byToken = new HashMap<>(byToken);
        this.byCorefToken = new HashMap<>(byCorefToken);
    }

    static long position(int sentence, int token) {
        return ((long) sentence << 32) | token;
    }

    /** Every entity, in order of first mention. */
    public List<Entity> entities() {
        return entities;
    }

    /** How many tokens of the text name {@code e}: a measure of how much the article is about it. */
    public int mentionCount(Entity e) {
        return (int) byToken.values().stream().filter(e::equals).count();
    }

    /** The entity whose name covers the token. */
    public Optional<Entity> named(int sentence, int token) {
        return Optional.ofNullable(byToken.get(position(sentence, token)));
    }

    /** The entity the token refers to: its name, or a pronoun or phrase that coreference links to a name. */
    public Optional<Entity> resolve(int sentence, int token) {
        Entity e = byToken.get(position(sentence, token));
        return e != null ? Optional.of(e) : Optional.ofNullable(byCorefToken.get(position(sentence, token)));
    }

    /** The entity one of whose names is {@code name}. */
    public Optional<Entity> byName(String name) {
        String key = Names.key(name);
        for (Entity e : entities) {
            if (Names.key(e.label()).equals(key) || e.aliases().stream().anyMatch(a -> Names.key(a).equals(key))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
