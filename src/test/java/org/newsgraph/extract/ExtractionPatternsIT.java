package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.read.Article;

/**
 * Each extraction pattern on short texts written for the test, through the real CoreNLP
 * pipeline (loaded once for all integration tests of the JVM).
 */
class ExtractionPatternsIT {

    private static final ArticleConverter CONVERTER = ArticleConverter.builder().build();

    private static ArticleFacts extract(String date, String text) {
        return CONVERTER.extract(Article.of("t", LocalDate.parse(date), text));
    }

    private static Optional<RoleFact> role(ArticleFacts f, String person) {
        return f.roles().stream().filter(r -> r.person().label().equals(person)).findFirst();
    }

    private static Optional<StatementFact> statement(ArticleFacts f, String speaker) {
        return f.statements().stream().filter(s -> s.speaker().label().equals(speaker)).findFirst();
    }

    private static List<EventFact> events(ArticleFacts f, String trigger) {
        return f.events().stream().filter(e -> e.trigger().equals(trigger)).toList();
    }

    @Test
    void titleBeforeNameWithOrganizationPremodifierAndHonorific() {
        ArticleFacts f = extract("2025-03-05", "Liberal Party chairman Dr. Maria Lopez opened the conference in Leeds.");
        RoleFact r = role(f, "Maria Lopez").orElseThrow();
        assertEquals("chairman", r.title());
        assertEquals("Liberal Party", r.organization().orElseThrow().label());
        assertTrue(r.organization().get().party());
    }

    @Test
    void titleInAppositionAndReportedSpeechOfThatPerson() {
        ArticleFacts f = extract("2025-03-05",
                "Robert Hale, the transport secretary, said the railways would be reformed by next year.");
        assertEquals("transport secretary", role(f, "Robert Hale").orElseThrow().title());
        StatementFact s = statement(f, "Robert Hale").orElseThrow();
        assertEquals("the railways would be reformed by next year", s.text());
        assertFalse(s.direct());
        assertEquals("say", s.cue());
    }

    @Test
    void placeBeforeAnOfficeIsItsJurisdictionAndEventDateResolvesAgainstArticleDate() {
        ArticleFacts f = extract("2025-03-05", "Punjab Chief Minister Ayesha Khan launched a health scheme on Monday.");
        RoleFact r = role(f, "Ayesha Khan").orElseThrow();
        assertEquals("chief minister", r.title());
        assertEquals("Punjab", r.jurisdiction().orElseThrow().label());
        EventFact launched = events(f, "launched").get(0);
        assertEquals(new TimeValue("2025-03-03", TimeValue.Granularity.DAY), launched.date().orElseThrow());
        assertEquals("Ayesha Khan", launched.participants().get(0).label());
    }

    @Test
    void urgeWithObjectAndInfinitiveIsReportedSpeech() {
        ArticleFacts f = extract("2025-03-05", "Opposition leader Imran Qureshi urged supporters to stay calm.");
        StatementFact s = statement(f, "Imran Qureshi").orElseThrow();
        assertEquals("supporters to stay calm", s.text());
        assertEquals("urge", s.cue());
    }

    @Test
    void unnamedSpokesmanSpeaksForTheParty() {
        ArticleFacts f = extract("2025-03-05", "The Labour Party held a rally in Leeds on Saturday. "
                + "The party's spokesman said that the protest had been entirely peaceful.");
        StatementFact s = statement(f, "Labour Party").orElseThrow();
        assertEquals("the protest had been entirely peaceful", s.text());
    }

    @Test
    void theTitlesHeadWordNamesItsOneHolder() {
        ArticleFacts f = extract("2025-03-05", "Transport Minister Helen Crane visited the depot in Hull.\n\n"
                + "The minister said that every line would reopen by June.");
        StatementFact s = statement(f, "Helen Crane").orElseThrow();
        assertEquals("every line would reopen by June", s.text());
    }

    @Test
    void theTitlesHeadWordNamesNobodyWhenTwoHoldSuchTitles() {
        ArticleFacts f = extract("2025-03-05", "Transport Minister Helen Crane and Health Minister Omar Farid visited "
                + "the depot in Hull.\n\nThe minister said that every line would reopen by June.");
        assertTrue(statement(f, "Helen Crane").isEmpty(), f.statements().toString());
        assertTrue(statement(f, "Omar Farid").isEmpty(), f.statements().toString());
    }

    @Test
    void claimsFromSomeoneThatIsWhatTheySaid() {
        ArticleFacts f = extract("2025-03-05", "The mayor dismissed claims from council leader Peter Lang that "
                + "the new library would close within a year.");
        StatementFact s = statement(f, "Peter Lang").orElseThrow();
        assertEquals("the new library would close within a year", s.text());
        assertEquals("claim", s.cue());
        assertFalse(s.direct());
    }

    @Test
    void aClaimWithoutItsContentIsNoStatement() {
        ArticleFacts f = extract("2025-03-05", "The mayor dismissed claims from council leader Peter Lang about the library.");
        assertTrue(statement(f, "Peter Lang").isEmpty(), f.statements().toString());
    }

    @Test
    void aRankWithNoForceInItsSentenceIsInTheArticlesOnePoliceForce() {
        ArticleFacts f = extract("2025-03-05", "Officers from Wessex Police closed the road on Saturday.\n\n"
                + "Chief Constable Mark Ellis said the march had passed off peacefully.");
        RoleFact r = role(f, "Mark Ellis").orElseThrow();
        assertEquals("Wessex Police", r.organization().orElseThrow().label());
    }

    @Test
    void aRankStaysWithoutForceWhenTheArticleNamesTwo() {
        ArticleFacts f = extract("2025-03-05", "Officers from Wessex Police closed the road on Saturday. "
                + "Mercia Police sent two vans.\n\nChief Constable Mark Ellis said the march had passed off peacefully.");
        RoleFact r = role(f, "Mark Ellis").orElseThrow();
        assertTrue(r.organization().isEmpty(), r.toString());
    }

    @Test
    void directQuoteIsAttributedThroughAPronoun() {
        ArticleFacts f = extract("2025-03-05", "Tom Baker arrived late at the town hall.\n\n"
                + "\"We will not give up on this city, whatever the council decides,\" he said.");
        StatementFact s = statement(f, "Tom Baker").orElseThrow();
        assertTrue(s.direct());
        assertTrue(s.text().startsWith("We will not give up on this city"), s.text());
        assertFalse(s.text().startsWith("\""), "quotation marks are not part of the text");
    }

    @Test
    void accordingToNamesTheSpeaker() {
        ArticleFacts f = extract("2025-03-05", "According to Sarah Patel, the budget for schools will be cut by ten percent.");
        StatementFact s = statement(f, "Sarah Patel").orElseThrow();
        assertEquals("according to", s.cue());
        assertEquals("the budget for schools will be cut by ten percent", s.text());
    }

    @Test
    void relativeYearAndMonthGiveYearAndMonthGranularity() {
        ArticleFacts f = extract("2025-06-10", "Last year the city council approved the new housing plan. "
                + "In March the provincial government resigned after a vote.");
        assertEquals(new TimeValue("2024", TimeValue.Granularity.YEAR), events(f, "approved").get(0).date().orElseThrow());
        assertEquals(new TimeValue("2025-03", TimeValue.Granularity.MONTH), events(f, "resigned").get(0).date().orElseThrow());
    }

    @Test
    void negatedAndHypotheticalEventsAreNotAsserted() {
        ArticleFacts f = extract("2025-06-10", "The finance minister did not resign. "
                + "If the committee had voted, the bill would have failed.");
        assertTrue(events(f, "resign").isEmpty(), f.events().toString());
        assertTrue(events(f, "voted").isEmpty(), f.events().toString());
    }

    @Test
    void eventWithoutTimeExpressionHasNoDate() {
        ArticleFacts f = extract("2025-06-10", "A new committee was formed to investigate the leak.");
        EventFact formed = events(f, "formed").get(0);
        assertTrue(formed.date().isEmpty());
    }

    @Test
    void acronymDefinedInBracketsAndSurnameWithHonorificAreOneEntityEach() {
        ArticleFacts f = extract("2025-03-05", "The National Awami Front (NAF) won the by-election in Quetta. "
                + "Peter Grant, a senior NAF official, welcomed the result. "
                + "Mr Grant said the victory showed that voters wanted change.");
        List<Entity> orgs = f.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION).toList();
        assertEquals(1, orgs.size(), orgs.toString());
        assertTrue(orgs.get(0).aliases().contains("NAF"));
        assertEquals(1, f.entities().stream().filter(e -> e.kind() == EntityKind.PERSON).count());
        assertEquals("the victory showed that voters wanted change", statement(f, "Peter Grant").orElseThrow().text());
    }

    @Test
    void portfolioBeforeOrAfterATitleBelongsToIt() {
        ArticleFacts f = extract("2025-03-05", "Health Minister Omar Sheikh visited the hospital. "
                + "Later, Minister for Education Rita Gomez opened a school.");
        assertEquals("health minister", role(f, "Omar Sheikh").orElseThrow().title());
        assertEquals("minister for education", role(f, "Rita Gomez").orElseThrow().title());
    }

    @Test
    void formerOfficeIsWrittenAsFormer() {
        ArticleFacts f = extract("2025-03-05", "The ex-home secretary Mark Dunn said the report was unfair.");
        RoleFact r = role(f, "Mark Dunn").orElseThrow();
        assertEquals("former home secretary", r.title());
        assertTrue(r.former());
    }

    @Test
    void reportedClauseWithoutThatAfterTellIsWhatWasSaid() {
        ArticleFacts f = extract("2025-03-05", "Mayor Paul Rivers told reporters he had not seen the audit yet.");
        assertEquals("he had not seen the audit yet", statement(f, "Paul Rivers").orElseThrow().text());
    }

    @Test
    void subjectlessSpeechVerbContinuesTheLastSpeaker() {
        ArticleFacts f = extract("2025-03-05", "Mayor Paul Rivers spoke to reporters on the steps of the hall. "
                + "But added: \"We have done nothing wrong and we will prove it in court.\"");
        StatementFact s = statement(f, "Paul Rivers").orElseThrow();
        assertTrue(s.direct());
        assertEquals("We have done nothing wrong and we will prove it in court.", s.text());
    }

    @Test
    void quoteRunningOverParagraphsIsSplitAtEachReopening() {
        ArticleFacts f = extract("2025-03-05", "Nadia Kerr said: \"The new rules are a disaster for small farms. "
                + "\"They were written by people who have never worked a field in their lives,\" she warned.");
        List<StatementFact> quotes = f.statements().stream().filter(StatementFact::direct).toList();
        assertEquals(2, quotes.size(), quotes.toString());
        assertEquals("The new rules are a disaster for small farms.", quotes.get(0).text());
        assertEquals("warn", quotes.get(1).cue());
    }

    @Test
    void eventNounIsAnEventDatedByItsOwnTimePhrase() {
        ArticleFacts f = extract("2025-03-05", "Voters are preparing for the election on 4 May, the first since the war.");
        EventFact election = events(f, "election").get(0);
        assertEquals(new TimeValue("2025-05-04", TimeValue.Granularity.DAY), election.date().orElseThrow());
    }

    @Test
    void undefinedAcronymMergesWithItsSpelledOutName() {
        ArticleFacts f = extract("2025-03-05", "The National Farmers Council criticised the plan. "
                + "A spokesman for the NFC said members were angry.");
        List<Entity> orgs = f.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION).toList();
        assertEquals(1, orgs.size(), orgs.toString());
        assertEquals("National Farmers Council", orgs.get(0).label());
    }

    @Test
    void capitalizedNameEndingInAnOrganizationNounIsAnOrganization() {
        ArticleFacts f = extract("2025-03-05", "The Northern Water Authority will raise prices, "
                + "and the Association of Rural Councils has objected.");
        List<String> orgs = f.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION).map(Entity::label).toList();
        assertTrue(orgs.contains("Northern Water Authority"), orgs.toString());
        assertTrue(orgs.contains("Association of Rural Councils"), orgs.toString());
    }

    @Test
    void scopeAfterToAndPartyNounBeforeTitle() {
        ArticleFacts f = extract("2025-03-05", "The Green Party met in Bristol. Party leader Anna Black spoke first. "
                + "Tim Hale, adviser to the Ministry of Transport, also attended.");
        assertEquals("Green Party", role(f, "Anna Black").orElseThrow().organization().orElseThrow().label());
        assertEquals("Ministry of Transport", role(f, "Tim Hale").orElseThrow().organization().orElseThrow().label());
    }

    @Test
    void nationalOfficeWithoutScopeIsInTheCountryTheArticleIsAbout() {
        ArticleFacts f = extract("2025-03-05", "Prices rose again in Kenya last month. "
                + "Prime Minister John Mwangi said the rise would not last.");
        assertEquals("Kenya", role(f, "John Mwangi").orElseThrow().jurisdiction().orElseThrow().label());
    }

    @Test
    void aliasFileGivesSpellingVariantsOneEntityAndOneIriAcrossArticles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("known-entities.tsv"), "person\tOmar Farooqi\tQ999\tUmar Farooqi|Omar Farouqi\n");
        ArticleConverter withAliases = ArticleConverter.builder().lexicon(Lexicon.withExtensions(dir)).build();
        ArticleFacts first = withAliases.extract(Article.of("a1", LocalDate.parse("2025-03-05"),
                "Governor Omar Farooqi opened the new bridge on Monday."));
        ArticleFacts second = withAliases.extract(Article.of("a2", LocalDate.parse("2025-03-06"),
                "Governor Umar Farooqi said the bridge would ease traffic."));
        Entity a = role(first, "Omar Farooqi").orElseThrow().person();
        Entity b = role(second, "Omar Farooqi").orElseThrow().person();
        assertEquals(a.key(), b.key());
        assertEquals("Q999", b.wikidata().orElseThrow());
    }

    @Test
    void pageFurnitureOfScrapedArticlesIsIgnored() {
        ArticleFacts f = extract("2025-04-21", "The Green Party elected a new leader on Sunday.\n\n"
                + "Also Read: Labour Party announces rally in Leeds\n\nPhoto: File\n\nFollow us on Twitter");
        List<String> orgs = f.entities().stream().map(Entity::label).toList();
        assertFalse(orgs.contains("Labour Party"), orgs.toString());
        assertFalse(orgs.contains("Twitter"), orgs.toString());
        assertTrue(events(f, "announces").isEmpty());
    }

    @Test
    void pastWeekdayIsNeverAfterTheArticleDate() {
        ArticleFacts f = extract("2025-04-21", "Opposition leader Omar Haq was arrested by police on Saturday night.");
        assertEquals(new TimeValue("2025-04-19", TimeValue.Granularity.DAY), events(f, "arrested").get(0).date().orElseThrow());
    }

    @Test
    void untaggedNameBeforeAMinisterTitleIsItsJurisdiction() {
        ArticleFacts f = extract("2025-04-21", "Zorland Senior Minister Kasim Mirza said the scheme was complete.");
        assertEquals("Zorland", role(f, "Kasim Mirza").orElseThrow().jurisdiction().orElseThrow().label());
    }

    @Test
    void thePartySaidIsThePartyTheArticleIsAbout() {
        ArticleFacts f = extract("2025-04-21", "The Labour Party has chosen its candidate. "
                + "The candidate will campaign on housing, the party said.");
        assertEquals("The candidate will campaign on housing", statement(f, "Labour Party").orElseThrow().text());
    }

    @Test
    void pronounAfterATitleSubjectIsTheTitleHolder() {
        ArticleFacts f = extract("2025-04-21", "Prime Minister Alan Ward visited the flooded town on Monday. "
                + "The prime minister later met local officials. He said the government would pay for the repairs.");
        assertEquals("the government would pay for the repairs", statement(f, "Alan Ward").orElseThrow().text());
    }

    @Test
    void reportedSpeechEndsWhereAQuoteBegins() {
        ArticleFacts f = extract("2025-04-21", "Finance Minister Ruth Cole defended the budget. "
                + "She said the plan was sound: \"We have costed every part of it carefully and we stand by it.\"");
        List<String> texts = f.statements().stream().filter(s -> s.speaker().label().equals("Ruth Cole"))
                .map(StatementFact::text).toList();
        assertTrue(texts.contains("the plan was sound"), texts.toString());
        assertTrue(texts.contains("We have costed every part of it carefully and we stand by it."), texts.toString());
    }

    @Test
    void verbWithParticleAndIntransitiveOnlyTriggers() {
        ArticleFacts f = extract("2025-04-21", "The mayor stepped down last week. Protesters gathered outside the town hall. "
                + "Calls for reform have gathered pace.");
        assertEquals(1, events(f, "stepped").size());
        assertEquals(1, events(f, "gathered").size(), f.events().toString());
    }

    @Test
    void eventsUnderAWouldClauseAreHypotheticalAndPassiveModifiersAreEvents() {
        ArticleFacts f = extract("2025-04-21", "Voters would be asked to elect a new council under plans unveiled by the Green Party.");
        assertTrue(events(f, "elect").isEmpty(), f.events().toString());
        assertEquals(1, events(f, "unveiled").size(), f.events().toString());
    }

    @Test
    void quotedPhraseInsideReportedSpeechStaysWithItsMarks() {
        ArticleFacts f = extract("2025-04-21", "Senator Bill Oduya said the new tax was \"a disgrace\" for working families.");
        assertEquals("the new tax was \"a disgrace\" for working families", statement(f, "Bill Oduya").orElseThrow().text());
    }

    @Test
    void speakerNamedInAppositionToASpokesman() {
        ArticleFacts f = extract("2025-04-21", "Her spokesman, Carl Voss, wrote on Twitter that the report was \"deeply flawed\".");
        assertEquals("the report was \"deeply flawed\"", statement(f, "Carl Voss").orElseThrow().text());
    }

    @Test
    void bodyOfTheOfficeBetweenTitleAndName() {
        ArticleFacts f = extract("2025-04-21", "Speaker National Assembly Ayaz Khan adjourned the session.");
        RoleFact r = role(f, "Ayaz Khan").orElseThrow();
        assertEquals("speaker", r.title());
        assertEquals("National Assembly", r.organization().orElseThrow().label());
    }
}
