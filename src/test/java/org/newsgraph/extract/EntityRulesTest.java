package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.extract.GoldenFacts.entities;
import static org.newsgraph.extract.GoldenFacts.events;
import static org.newsgraph.extract.GoldenFacts.role;
import static org.newsgraph.extract.GoldenFacts.statement;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entity finding and merging, each on its golden folder's saved annotations (no models). The
 * texts are in {@code src/test/resources/golden/NAME/text.txt}.
 */
class EntityRulesTest {

    @Test
    void acronymDefinedInBracketsAndSurnameWithHonorificAreOneEntityEach() {
        // The National Awami Front (NAF) won ... Peter Grant, a senior NAF official, ... Mr Grant said ...
        ArticleFacts f = GoldenFacts.of("entity-acronym-in-brackets-and-surname-with-honorific");
        List<Entity> orgs = entities(f, EntityKind.ORGANIZATION);
        assertEquals(1, orgs.size(), orgs.toString());
        assertTrue(orgs.get(0).aliases().contains("NAF"));
        assertEquals(1, entities(f, EntityKind.PERSON).size());
        assertEquals("the victory showed that voters wanted change", statement(f, "Peter Grant").orElseThrow().text());
    }

    @Test
    void undefinedAcronymMergesWithItsSpelledOutName() {
        // The National Farmers Council criticised the plan. A spokesman for the NFC said ...
        List<Entity> orgs = entities(GoldenFacts.of("entity-undefined-acronym"), EntityKind.ORGANIZATION);
        assertEquals(1, orgs.size(), orgs.toString());
        assertEquals("National Farmers Council", orgs.get(0).label());
    }

    @Test
    void capitalizedNameEndingInAnOrganizationNounIsAnOrganization() {
        List<String> orgs = entities(GoldenFacts.of("entity-name-ending-in-organization-noun"), EntityKind.ORGANIZATION)
                .stream().map(Entity::label).toList();
        assertTrue(orgs.contains("Northern Water Authority"), orgs.toString());
        assertTrue(orgs.contains("Association of Rural Councils"), orgs.toString());
    }

    @Test
    void aliasFileGivesSpellingVariantsOneEntityAndOneIriAcrossArticles() {
        // Both folders hold lexicon/known-entities.tsv: person Omar Farooqi Q999, aliases Umar Farooqi|Omar Farouqi.
        Entity a = role(GoldenFacts.of("entity-alias-file-first-article"), "Omar Farooqi").orElseThrow().person();
        Entity b = role(GoldenFacts.of("entity-alias-file-second-article"), "Omar Farooqi").orElseThrow().person();
        assertEquals(a.key(), b.key());
        assertEquals("Q999", b.wikidata().orElseThrow());
    }

    @Test
    void withoutTheAliasFileTheVariantIsAnotherPerson() {
        GoldenCase second = GoldenCase.named("entity-alias-file-second-article");
        ArticleFacts f = Extractor.create(Lexicon.builtIn()).extract(second.article(), second.annotated());
        assertTrue(role(f, "Omar Farooqi").isEmpty(), f.roles().toString());
        assertTrue(role(f, "Umar Farooqi").orElseThrow().person().wikidata().isEmpty());
    }

    @Test
    void pageFurnitureOfScrapedArticlesIsIgnored() {
        // ... Also Read: Labour Party announces rally in Leeds / Photo: File / Follow us on Twitter
        ArticleFacts f = GoldenFacts.of("entity-page-furniture-ignored");
        List<String> names = f.entities().stream().map(Entity::label).toList();
        assertFalse(names.contains("Labour Party"), names.toString());
        assertFalse(names.contains("Twitter"), names.toString());
        assertTrue(events(f, "announces").isEmpty());
    }

    @Test
    void aGovernmentOrCabinetNamedByItsPlaceIsOneOrganizationUnderThePlacesName() {
        // The Balochistan government ... The federal government ... the provincial cabinet ...
        // The Government of Balochistan ... the federal cabinet ...
        List<Entity> orgs = entities(GoldenFacts.of("entity-government-named-by-its-place"), EntityKind.ORGANIZATION);
        assertEquals(List.of("Government of Balochistan", "Government of Pakistan", "Cabinet of Balochistan",
                "Cabinet of Pakistan"), orgs.stream().map(Entity::label).toList());
        assertTrue(orgs.get(0).aliases().contains("Balochistan government"), orgs.toString());
        assertTrue(orgs.get(1).aliases().contains("federal government"), "the article's country is Pakistan (Quetta, Balochistan)");
        assertTrue(orgs.get(2).aliases().contains("provincial cabinet"), "the article's one province");
        assertEquals(1, entities(GoldenFacts.of("entity-government-named-by-its-place"), EntityKind.PLACE).stream()
                .filter(e -> e.label().equals("Balochistan")).count(), "one place for every mention of the province");
    }

    @Test
    void aTitleOrAcronymThatNerRanIntoAPersonsNameIsNotPartOfIt() {
        // NER: "DG Tariq Saleem Chaudhry", "PKSMEA Khawaja Tariq Mehmood", "Tanzeem-e-Ulema Emir Hafiz Qadeer Ahmad Niazi",
        // "Quetta Sarfraz Ahmed Bugti"
        ArticleFacts f = GoldenFacts.of("entity-title-inside-a-persons-name");
        List<String> persons = entities(f, EntityKind.PERSON).stream().map(Entity::label).toList();
        assertEquals(List.of("Rafiq Soomro", "Tariq Saleem Chaudhry", "Khawaja Tariq Mehmood", "Hafiz Qadeer Ahmad Niazi",
                "Sarfraz Ahmed Bugti"), persons);
        assertEquals("director general", role(f, "Tariq Saleem Chaudhry").orElseThrow().title());
        assertEquals("emir", role(f, "Hafiz Qadeer Ahmad Niazi").orElseThrow().title());
    }

    @Test
    void anObservanceIsNoPersonAndAnAcronymIsAnOrganization() {
        // NER: "Eidul Azha", "KE" and "Haj" as persons
        ArticleFacts f = GoldenFacts.of("entity-observance-and-acronym-are-no-persons");
        assertEquals(List.of("Kamran Dogar"), entities(f, EntityKind.PERSON).stream().map(Entity::label).toList());
        assertEquals(List.of("KE"), entities(f, EntityKind.ORGANIZATION).stream().map(Entity::label).toList());
    }

    @Test
    void aBodyNounAloneNamesNoOrganization() {
        // NER: "Punjab Assembly", "House", "Committee" as organizations
        ArticleFacts f = GoldenFacts.of("entity-bare-body-noun-is-no-organization");
        assertEquals(List.of("Punjab Assembly"), entities(f, EntityKind.ORGANIZATION).stream().map(Entity::label).toList());
    }
}
