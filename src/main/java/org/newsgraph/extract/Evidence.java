package org.newsgraph.extract;

/**
 * Where in the article a fact was read.
 *
 * @param begin    character offset of the evidence in the article text
 * @param end      character offset just past it
 * @param sentence the sentence (or sentences) it was read from
 */
public record Evidence(int begin, int end, String sentence) {

    public Evidence {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad evidence offsets " + begin + "-" + end);
        }
    }
}
