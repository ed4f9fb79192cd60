package org.newsgraph.audit;

import java.util.List;
import java.util.Objects;

/**
 * What one check of the audit found.
 *
 * @param check    a short key ("possible-duplicates"), stable for scripts
 * @param title    what it counts, for a person
 * @param count    how many it found
 * @param of       how many it looked at (persons, roles with a body, parties)
 * @param ofWhat   what those are, plural
 * @param examples some of them, most named first, one line each
 * @param hint     what a user can do about them
 */
public record Finding(String check, String title, int count, int of, String ofWhat, List<String> examples, String hint) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ofWhat, "ofWhat");
        Objects.requireNonNull(hint, "hint");
        examples = List.copyOf(examples);
        if (count < 0 || of < 0) {
            throw new IllegalArgumentException("negative count in " + check);
        }
    }

    /** {@code count} as a percentage of {@code of}; 0 when there is nothing to look at. */
    public double percent() {
        return of == 0 ? 0 : 100.0 * count / of;
    }
}
