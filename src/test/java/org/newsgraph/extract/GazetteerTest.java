package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NewsgraphException;

class GazetteerTest {

    @Test
    void theShippedGazetteerKnowsProvincesCitiesAndCountriesByAnyOfTheirNames() {
        Gazetteer g = Gazetteer.builtIn();
        Gazetteer.Place kp = g.find("K-P").orElseThrow();
        assertEquals(Gazetteer.Kind.PROVINCE, kp.kind());
        assertEquals("PK", kp.country());
        assertEquals(kp, g.find("khyber-pakhtunkhwa").orElseThrow());
        assertEquals(Gazetteer.Kind.CITY, g.find("Peshawar").orElseThrow().kind());
        assertEquals("Pakistan", g.country("PK").orElseThrow().name());
        assertEquals(Gazetteer.Kind.COUNTRY, g.find("U.S.").orElseThrow().kind());
        assertTrue(g.find("Tank").isEmpty(), "a place named by an everyday word is left out");
    }

    @Test
    void aCountryWinsANameItSharesWithAProvince() {
        Gazetteer g = Gazetteer.parse(List.of("province\tUS\tGeorgia\t", "country\tGE\tGeorgia\tSakartvelo"));
        assertEquals(Gazetteer.Kind.COUNTRY, g.find("Georgia").orElseThrow().kind());
        assertEquals(Gazetteer.Kind.COUNTRY, g.find("Sakartvelo").orElseThrow().kind());
    }

    @Test
    void badLinesAreRefusedWithTheLine() {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> Gazetteer.parse(List.of("town\tPK\tX\t")));
        assertTrue(e.getMessage().contains("places.tsv") && e.getMessage().contains("town"), e.getMessage());
        assertThrows(NewsgraphException.class, () -> Gazetteer.parse(List.of("city\tPK\tX")));
    }
}
