package org.newsgraph.nlp;

import java.util.Optional;

/**
 * A quotation in the text, with the speaker the quote annotator attributed it to.
 *
 * @param begin         character offset of the opening quotation mark
 * @param end           character offset just past the closing mark
 * @param text          the quote including its quotation marks
 * @param speakerBegin  character offset of the speaker mention, when one was found
 * @param speakerEnd    end of the speaker mention
 * @param speaker       the speaker as mentioned near the quote ("he", "Mr Reed")
 * @param canonical     the speaker's canonical name when attribution resolved it
 */
public record Quote(int begin, int end, String text, Optional<Integer> speakerBegin,
                    Optional<Integer> speakerEnd, Optional<String> speaker, Optional<String> canonical) {
}
