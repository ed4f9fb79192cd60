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
    }

    @Test
    void acronymMatchesInitialsInOrder() {
        assertTrue(EntityResolver.isAcronymOf("CEC", "Central Executive Committee"));
        assertTrue(EntityResolver.isAcronymOf("NUM", "National Union of Mineworkers"));
        assertFalse(EntityResolver.isAcronymOf("CEC", "Executive Central Board"));
    }
}
