package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.extract.GoldenFacts.events;

import org.junit.jupiter.api.Test;

/**
 * The event triggers and date anchoring, each on its golden folder's saved annotations (no
 * models). The texts are in {@code src/test/resources/golden/NAME/text.txt}.
 */
class EventRulesTest {

    @Test
    void eventDateResolvesAgainstArticleDate() {
        // Punjab Chief Minister Ayesha Khan launched a health scheme on Monday. (2025-03-05)
        EventFact launched = events(GoldenFacts.of("role-place-before-office-is-jurisdiction"), "launched").get(0);
        assertEquals(new TimeValue("2025-03-03", TimeValue.Granularity.DAY), launched.date().orElseThrow());
        assertEquals("Ayesha Khan", launched.participants().get(0).label());
    }

    @Test
    void relativeYearAndMonthGiveYearAndMonthGranularity() {
        ArticleFacts f = GoldenFacts.of("event-relative-year-and-month");
        assertEquals(new TimeValue("2024", TimeValue.Granularity.YEAR), events(f, "approved").get(0).date().orElseThrow());
        assertEquals(new TimeValue("2025-03", TimeValue.Granularity.MONTH), events(f, "resigned").get(0).date().orElseThrow());
    }

    @Test
    void negatedAndHypotheticalEventsAreNotAsserted() {
        // The finance minister did not resign. If the committee had voted, the bill would have failed.
        ArticleFacts f = GoldenFacts.of("event-negated-and-hypothetical");
        assertTrue(events(f, "resign").isEmpty(), f.events().toString());
        assertTrue(events(f, "voted").isEmpty(), f.events().toString());
    }

    @Test
    void eventWithoutTimeExpressionHasNoDate() {
        EventFact formed = events(GoldenFacts.of("event-without-time-expression"), "formed").get(0);
        assertTrue(formed.date().isEmpty());
    }

    @Test
    void eventNounIsAnEventDatedByItsOwnTimePhrase() {
        // Voters are preparing for the election on 4 May, the first since the war.
        EventFact election = events(GoldenFacts.of("event-noun-dated-by-own-time-phrase"), "election").get(0);
        assertEquals(new TimeValue("2025-05-04", TimeValue.Granularity.DAY), election.date().orElseThrow());
    }

    @Test
    void pastWeekdayIsNeverAfterTheArticleDate() {
        // ... was arrested by police on Saturday night. (2025-04-21, a Monday)
        EventFact arrested = events(GoldenFacts.of("event-past-weekday"), "arrested").get(0);
        assertEquals(new TimeValue("2025-04-19", TimeValue.Granularity.DAY), arrested.date().orElseThrow());
    }

    @Test
    void verbWithParticleAndIntransitiveOnlyTriggers() {
        // The mayor stepped down ... Hundreds of nurses gathered ... Their petition has gathered ten thousand signatures.
        ArticleFacts f = GoldenFacts.of("event-particle-verb-and-intransitive-only");
        assertEquals(1, events(f, "stepped").size());
        assertEquals(1, events(f, "gathered").size(), f.events().toString());
    }

    @Test
    void eventsUnderAWouldClauseAreHypotheticalAndPassiveModifiersAreEvents() {
        // Pensioners would be allowed to elect two members ... under a charter approved by the Green Party.
        ArticleFacts f = GoldenFacts.of("event-would-clause-and-passive-modifier");
        assertTrue(events(f, "elect").isEmpty(), f.events().toString());
        assertEquals(1, events(f, "approved").size(), f.events().toString());
    }

    @Test
    void aWeekdayInAnUndatedArticleGivesNoDate() {
        // Mayor Paul Rivers resigned on Monday after ... (no article date)
        EventFact resigned = events(GoldenFacts.of("event-undated-article"), "resigned").get(0);
        assertTrue(resigned.date().isEmpty(), resigned.toString());
        assertEquals("Paul Rivers", resigned.participants().get(0).label());
    }

    @Test
    void timeCountedBackFromPublicationIsTheDayOrMonthOrYearItReaches() {
        // published 2025-06-12: arrested 22 days back, resigned about a month ago, elected two years ago
        ArticleFacts f = GoldenFacts.of("event-time-counted-back");
        assertEquals("2025-05-21", events(f, "arrested").get(0).date().orElseThrow().lexical());
        assertEquals(new TimeValue("2025-05", TimeValue.Granularity.MONTH), events(f, "resigned").get(0).date().orElseThrow());
        assertEquals(new TimeValue("2023", TimeValue.Granularity.YEAR), events(f, "elected").get(0).date().orElseThrow());
    }

    @Test
    void aTimeAnEventLastsUntilIsNotItsDate() {
        // published 2025-06-18: "adjourned the hearing until July 3"; "abducted ... on Sunday"
        ArticleFacts f = GoldenFacts.of("event-time-it-lasts-until-is-not-its-date");
        assertEquals("2025-06-15", events(f, "abducted").get(0).date().orElseThrow().lexical());
        assertEquals("2025-06-15", events(f, "adjourned").get(0).date().orElseThrow().lexical(),
                "the story's day, not the day the hearing resumes");
    }

    @Test
    void aBareWeekdayIsTheOneBeforePublicationOrAfterItForTheFutureWhateverTheTaggerChose() {
        // published Wednesday 2025-06-18: "met on Monday"; "will visit Sukkur on Friday", which the
        // saved annotations give as the Friday before (2025-06-13)
        ArticleFacts f = GoldenFacts.of("event-weekday-before-or-after-publication");
        assertEquals("2025-06-16", events(f, "met").get(0).date().orElseThrow().lexical());
        assertEquals("2025-06-20", events(f, "visit").get(0).date().orElseThrow().lexical());
    }
}
