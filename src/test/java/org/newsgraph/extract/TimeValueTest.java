package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.newsgraph.extract.TimeValue.Granularity;

class TimeValueTest {

    @Test
    void fullDateWithTimeOfDayKeepsTheDay() {
        assertEquals(new TimeValue("2025-02-07", Granularity.DAY), TimeValue.fromTimex("2025-02-07TMO").orElseThrow());
    }

    @Test
    void monthAndYearKeepTheirGranularity() {
        assertEquals(new TimeValue("2025-03", Granularity.MONTH), TimeValue.fromTimex("2025-03").orElseThrow());
        assertEquals(new TimeValue("2024", Granularity.YEAR), TimeValue.fromTimex("2024").orElseThrow());
    }

    @Test
    void unresolvedOrVagueValuesGiveNoDate() {
        assertTrue(TimeValue.fromTimex("XXXX-WXX-6").isEmpty());
        assertTrue(TimeValue.fromTimex("PAST_REF").isEmpty());
        assertTrue(TimeValue.fromTimex("2024-SP").isEmpty());
        assertTrue(TimeValue.fromTimex("2025-W06").isEmpty());
        assertTrue(TimeValue.fromTimex("").isEmpty());
        assertTrue(TimeValue.fromTimex(null).isEmpty());
    }
}
