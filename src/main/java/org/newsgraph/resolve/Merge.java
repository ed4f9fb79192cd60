package org.newsgraph.resolve;

import java.util.List;
import java.util.Objects;

/**
 * One person joined into another: in each of {@code graphs}, where the fuller person was not
 * named, {@code from} becomes {@code into}.
 *
 * @param from   the IRI that goes
 * @param into   the IRI that stays
 * @param reason why, for a person reading the record
 * @param graphs the article graphs it changes
 */
public record Merge(String from, String into, String reason, List<String> graphs) {

    public Merge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(reason, "reason");
        graphs = List.copyOf(graphs);
        if (from.equals(into)) {
            throw new IllegalArgumentException("a merge of " + from + " into itself");
        }
    }
}
