package org.newsgraph.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sentence with its tokens and basic dependency tree.
 *
 * @param index        0-based position in the document
 * @param begin        character offset of its first token
 * @param end          character offset just past its last token
 * @param text         the sentence as written
 * @param tokens       its tokens, in order
 * @param dependencies its dependency edges, including the root edge (governor -1)
 */
public record Sentence(int index, int begin, int end, String text, List<Token> tokens,
                       List<Dependency> dependencies) {

    public Sentence {
        tokens = List.copyOf(tokens);
        dependencies = List.copyOf(dependencies);
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    /** Edges whose governor is token {@code i}, in order of their dependents. */
    public List<Dependency> children(int i) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (d.governor() == i) {
                out.add(d);
            }
        }
        out.sort((a, b) -> Integer.compare(a.dependent(), b.dependent()));
        return out;
    }

    /** The children of {@code i} reached by a relation whose name is {@code relation} or starts with it and a colon. */
    public List<Integer> children(int i, String relation) {
        List<Integer> out = new ArrayList<>();
        for (Dependency d : children(i)) {
            if (d.relation().equals(relation) || d.relation().startsWith(relation + ":")) {
                out.add(d.dependent());
            }
        }
        return out;
    }

    /** The edge that attaches token {@code i} to its head. */
    public Optional<Dependency> headEdge(int i) {
        for (Dependency d : dependencies) {
            if (d.dependent() == i) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The smallest and largest token index in the subtree under {@code i}, as {start, endExclusive}. */
    public int[] subtreeExtent(int i) {
        int[] extent = {i, i + 1};
        extendSubtree(i, extent, 0);
        return extent;
    }

    private void extendSubtree(int i, int[] extent, int depth) {
        if (depth > tokens.size()) {
            return; // a malformed graph with a cycle must not recurse forever
        }
        for (Dependency d : children(i)) {
            extent[0] = Math.min(extent[0], d.dependent());
            extent[1] = Math.max(extent[1], d.dependent() + 1);
            extendSubtree(d.dependent(), extent, depth + 1);
        }
    }

    /** The text of tokens {@code start} to {@code end} (exclusive) as written, spacing kept. */
    public String textOf(int start, int end) {
        int from = tokens.get(start).begin() - begin;
        int to = tokens.get(end - 1).end() - begin;
        return text.substring(Math.max(0, from), Math.min(text.length(), to));
    }
}
