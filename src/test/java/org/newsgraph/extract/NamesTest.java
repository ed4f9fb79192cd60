package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void keyIgnoresCaseAccentsPunctuationAndPossessive() {
        assertEquals("sinn fein", Names.key("Sinn Féin"));
        assertEquals("abc p", Names.key("ABC-P"));
        assertEquals("the party", Names.key("the party’s"));
    }

    @Test
    void cleanJoinsSpacedHyphensAndDropsPossessiveAndArticle() {
        assertEquals("ABC-P", Names.clean("ABC - P"));
        assertEquals("Green Party", Names.clean("the Green Party 's"));
        assertEquals("Jane Doe", Names.clean("  Jane   Doe, "));
        assertEquals("Liberals", Names.clean("the Liberals."), "a sentence's full stop goes");
        assertEquals("John Smith Jr.", Names.clean("John Smith Jr."), "an abbreviation keeps its stop");
        assertEquals("Acme Corp.", Names.clean("Acme Corp."));
        assertEquals("U.S.", Names.clean("U.S."));
    }

    @Test
    void acronymMatchesInitialsInOrder() {
        assertTrue(EntityResolver.isAcronymOf("RTB", "Rural Transport Board"));
        assertTrue(EntityResolver.isAcronymOf("NUM", "National Union of Mineworkers"));
        assertFalse(EntityResolver.isAcronymOf("RTB", "Transport Rural Board"));
    }
}
