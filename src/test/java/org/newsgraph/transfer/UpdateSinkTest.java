package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.junit.jupiter.api.Test;

/** The update text push sends is pure ASCII, and means what it meant before. */
class UpdateSinkTest {

    @Test
    void nonAsciiTextBecomesCodepointEscapesThatParseBackToTheSameLiteral() {
        String text = "حزب الهلال 🌙 \"quoted\" café";
        String update = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> \""
                + text.replace("\"", "\\\"") + "\" } }";
        String ascii = UpdateSink.asciiOnly(update);
        assertTrue(ascii.chars().allMatch(c -> c < 0x80), ascii);
        assertTrue(ascii.contains("\\U0001F319"), "a character beyond the BMP is one 8-digit escape: " + ascii);
        UpdateRequest parsed = UpdateFactory.create(ascii);
        Node literal = ((UpdateDataInsert) parsed.getOperations().get(0)).getQuads().get(0).getObject();
        assertEquals(text, literal.getLiteralLexicalForm());
    }
}
