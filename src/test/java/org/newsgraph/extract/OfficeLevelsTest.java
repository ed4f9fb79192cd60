package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NewsgraphException;

class OfficeLevelsTest {

    @Test
    void shippedTableKnowsTheLevelsOfCommonOffices() {
        OfficeLevels levels = OfficeLevels.builtIn();
        assertEquals(OfficeLevels.Level.PROVINCE, levels.of("chief minister").orElseThrow().level());
        assertEquals(OfficeLevels.Level.COUNTRY, levels.of("former prime minister").orElseThrow().level());
        assertEquals(List.of("national assembly"), levels.of("mna").orElseThrow().bodies());
        assertTrue(levels.of("chairman").isEmpty(), "a party or company office has no level of government");
    }

    @Test
    void parsesLevelsAndBodies() {
        OfficeLevels levels = OfficeLevels.parse(List.of("# comment", "", "Warden\tcity\tCity Council | Town Hall",
                "clerk\t-\tcourt"));
        assertEquals(new OfficeLevels.Office(OfficeLevels.Level.CITY, List.of("city council", "town hall")),
                levels.of("warden").orElseThrow());
        assertEquals(OfficeLevels.Level.NONE, levels.of("clerk").orElseThrow().level());
    }

    @Test
    void badLinesAreRefusedWithTheLine() {
        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> OfficeLevels.parse(List.of("warden\tcounty")));
        assertTrue(e.getMessage().contains("offices.tsv") && e.getMessage().contains("warden\tcounty"), e.getMessage());
        assertThrows(NewsgraphException.class, () -> OfficeLevels.parse(List.of("warden")));
    }
}
