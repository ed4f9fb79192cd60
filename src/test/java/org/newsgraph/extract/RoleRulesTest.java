package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.extract.GoldenFacts.role;

import org.junit.jupiter.api.Test;

/**
 * The role patterns, each on its golden folder's saved annotations (no models). The texts are
 * in {@code src/test/resources/golden/NAME/text.txt}.
 */
class RoleRulesTest {

    @Test
    void titleBeforeNameWithOrganizationPremodifierAndHonorific() {
        // Liberal Party chairman Dr. Maria Lopez opened the conference in Leeds.
        RoleFact r = role(GoldenFacts.of("role-title-before-name-with-party-and-honorific"), "Maria Lopez").orElseThrow();
        assertEquals("chairman", r.title());
        assertEquals("Liberal Party", r.organization().orElseThrow().label());
        assertTrue(r.organization().get().party());
    }

    @Test
    void titleInApposition() {
        // Robert Hale, the transport secretary, said ...
        ArticleFacts f = GoldenFacts.of("role-title-in-apposition-and-reported-speech");
        assertEquals("transport secretary", role(f, "Robert Hale").orElseThrow().title());
    }

    @Test
    void placeBeforeAnOfficeIsItsJurisdiction() {
        // Punjab Chief Minister Ayesha Khan launched a health scheme on Monday.
        RoleFact r = role(GoldenFacts.of("role-place-before-office-is-jurisdiction"), "Ayesha Khan").orElseThrow();
        assertEquals("chief minister", r.title());
        assertEquals("Punjab", r.jurisdiction().orElseThrow().label());
    }

    @Test
    void aRankWithNoForceInItsSentenceIsInTheArticlesOnePoliceForce() {
        RoleFact r = role(GoldenFacts.of("role-rank-in-the-articles-one-police-force"), "Mark Ellis").orElseThrow();
        assertEquals("Wessex Police", r.organization().orElseThrow().label());
    }

    @Test
    void aRankStaysWithoutForceWhenTheArticleNamesTwo() {
        RoleFact r = role(GoldenFacts.of("role-rank-with-two-police-forces"), "Mark Ellis").orElseThrow();
        assertTrue(r.organization().isEmpty(), r.toString());
    }

    @Test
    void portfolioBeforeOrAfterATitleBelongsToIt() {
        // Health Minister Omar Sheikh ... Minister for Education Rita Gomez ...
        ArticleFacts f = GoldenFacts.of("role-portfolio-before-or-after-title");
        assertEquals("health minister", role(f, "Omar Sheikh").orElseThrow().title());
        assertEquals("minister for education", role(f, "Rita Gomez").orElseThrow().title());
    }

    @Test
    void formerOfficeIsWrittenAsFormer() {
        // The ex-finance minister Ann Mercer criticised the new tax on the radio.
        RoleFact r = role(GoldenFacts.of("role-former-office"), "Ann Mercer").orElseThrow();
        assertEquals("former finance minister", r.title());
        assertTrue(r.former());
    }

    @Test
    void scopeAfterToAndPartyNounBeforeTitle() {
        // The Green Party met ... Party leader Anna Black ... Tim Hale, adviser to the Ministry of Transport ...
        ArticleFacts f = GoldenFacts.of("role-scope-after-to-and-party-noun");
        assertEquals("Green Party", role(f, "Anna Black").orElseThrow().organization().orElseThrow().label());
        assertEquals("Ministry of Transport", role(f, "Tim Hale").orElseThrow().organization().orElseThrow().label());
    }

    @Test
    void nationalOfficeWithoutScopeIsInTheCountryTheArticleIsAbout() {
        // Prices rose again in Kenya last month. Prime Minister John Mwangi said ...
        ArticleFacts f = GoldenFacts.of("role-national-office-in-the-articles-country");
        assertEquals("Kenya", role(f, "John Mwangi").orElseThrow().jurisdiction().orElseThrow().label());
    }

    @Test
    void untaggedNameBeforeAMinisterTitleIsItsJurisdiction() {
        // Zorland Senior Minister Kasim Mirza said the scheme was complete.
        ArticleFacts f = GoldenFacts.of("role-untagged-name-before-minister");
        assertEquals("Zorland", role(f, "Kasim Mirza").orElseThrow().jurisdiction().orElseThrow().label());
    }

    @Test
    void bodyOfTheOfficeBetweenTitleAndName() {
        // Speaker National Assembly Ayaz Khan adjourned the session.
        RoleFact r = role(GoldenFacts.of("role-body-between-title-and-name"), "Ayaz Khan").orElseThrow();
        assertEquals("speaker", r.title());
        assertEquals("National Assembly", r.organization().orElseThrow().label());
    }

    @Test
    void aNationalityBeforeANationalOfficeKeepsItFromTheArticlesCountry() {
        // "Chinese Premier Zhou Lan met ... in Islamabad"; "Prime Minister Nadia Rauf" of the same article
        ArticleFacts f = GoldenFacts.of("role-office-of-another-nation-takes-no-implied-country");
        RoleFact premier = role(f, "Zhou Lan").orElseThrow();
        assertTrue(premier.jurisdiction().isEmpty() && !premier.scopeInferred(), premier.toString());
        RoleFact pm = role(f, "Nadia Rauf").orElseThrow();
        assertEquals("Pakistan", pm.jurisdiction().orElseThrow().label());
        assertTrue(pm.scopeInferred());
    }

    @Test
    void anAidesTitleKeepsTheOfficeServedAndTheBriefAndThatOfficesLevel() {
        // "Special Assistant to the Chief Minister on Health Dr Nadia Rauf said ... the Sindh government ..."
        RoleFact r = role(GoldenFacts.of("role-aide-to-an-office-with-a-brief"), "Nadia Rauf").orElseThrow();
        assertEquals("special assistant to chief minister on health", r.title());
        assertEquals("Sindh", r.jurisdiction().orElseThrow().label());
        assertTrue(r.scopeInferred(), "a chief minister's aide serves the article's one province");
    }
}
