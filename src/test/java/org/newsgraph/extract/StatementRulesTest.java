package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.extract.GoldenFacts.statement;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statement rules (direct quotes, reported speech frames, "according to", speech nouns,
 * speakers through titles and pronouns), each on its golden folder's saved annotations (no
 * models). The texts are in {@code src/test/resources/golden/NAME/text.txt}.
 */
class StatementRulesTest {

    @Test
    void reportedSpeechOfAPersonWithATitleInApposition() {
        // Robert Hale, the transport secretary, said the railways would be reformed by next year.
        StatementFact s = statement(GoldenFacts.of("role-title-in-apposition-and-reported-speech"), "Robert Hale").orElseThrow();
        assertEquals("the railways would be reformed by next year", s.text());
        assertFalse(s.direct());
        assertEquals("say", s.cue());
    }

    @Test
    void urgeWithObjectAndInfinitiveIsReportedSpeech() {
        StatementFact s = statement(GoldenFacts.of("statement-urge-object-infinitive"), "Imran Qureshi").orElseThrow();
        assertEquals("the council to reopen the clinic", s.text());
        assertEquals("urge", s.cue());
    }

    @Test
    void unnamedSpokesmanSpeaksForTheParty() {
        // ... The party's spokesman said that the office would stay open until polling day.
        StatementFact s = statement(GoldenFacts.of("statement-unnamed-spokesman-speaks-for-party"), "Labour Party").orElseThrow();
        assertEquals("the office would stay open until polling day", s.text());
    }

    @Test
    void theTitlesHeadWordNamesItsOneHolder() {
        // Transport Minister Helen Crane visited ... The minister said that ...
        StatementFact s = statement(GoldenFacts.of("statement-title-head-word-names-one-holder"), "Helen Crane").orElseThrow();
        assertEquals("every line would reopen by June", s.text());
    }

    @Test
    void theTitlesHeadWordNamesNobodyWhenTwoHoldSuchTitles() {
        ArticleFacts f = GoldenFacts.of("statement-title-head-word-with-two-holders");
        assertTrue(statement(f, "Helen Crane").isEmpty(), f.statements().toString());
        assertTrue(statement(f, "Omar Farid").isEmpty(), f.statements().toString());
    }

    @Test
    void claimsFromSomeoneThatIsWhatTheySaid() {
        // Residents welcomed claims from harbour trustee Peter Lang that the ferry would return within a year.
        StatementFact s = statement(GoldenFacts.of("statement-claims-from-someone"), "Peter Lang").orElseThrow();
        assertEquals("the ferry would return within a year", s.text());
        assertEquals("claim", s.cue());
        assertFalse(s.direct());
    }

    @Test
    void aClaimWithoutItsContentIsNoStatement() {
        ArticleFacts f = GoldenFacts.of("statement-claim-without-content");
        assertTrue(statement(f, "Peter Lang").isEmpty(), f.statements().toString());
    }

    @Test
    void directQuoteIsAttributedThroughAPronoun() {
        // Tom Baker arrived late ... "We will not give up on this city, ...," he said.
        StatementFact s = statement(GoldenFacts.of("statement-direct-quote-through-pronoun"), "Tom Baker").orElseThrow();
        assertTrue(s.direct());
        assertTrue(s.text().startsWith("We will not give up on this city"), s.text());
        assertFalse(s.text().startsWith("\""), "quotation marks are not part of the text");
    }

    @Test
    void accordingToNamesTheSpeaker() {
        StatementFact s = statement(GoldenFacts.of("statement-according-to"), "Sarah Patel").orElseThrow();
        assertEquals("according to", s.cue());
        assertEquals("the budget for schools will be cut by ten percent", s.text());
    }

    @Test
    void reportedClauseWithoutThatAfterTellIsWhatWasSaid() {
        // Mayor Paul Rivers told residents he would keep the bus fares at their current level.
        ArticleFacts f = GoldenFacts.of("statement-tell-without-that");
        assertEquals("he would keep the bus fares at their current level", statement(f, "Paul Rivers").orElseThrow().text());
    }

    @Test
    void subjectlessSpeechVerbContinuesTheLastSpeaker() {
        // Mayor Paul Rivers spoke to reporters ... But added: "We have done nothing wrong ..."
        StatementFact s = statement(GoldenFacts.of("statement-subjectless-speech-verb"), "Paul Rivers").orElseThrow();
        assertTrue(s.direct());
        assertEquals("We have done nothing wrong and we will prove it in court.", s.text());
    }

    @Test
    void quoteRunningOverParagraphsIsSplitAtEachReopening() {
        ArticleFacts f = GoldenFacts.of("statement-quote-over-paragraphs");
        List<StatementFact> quotes = f.statements().stream().filter(StatementFact::direct).toList();
        assertEquals(2, quotes.size(), quotes.toString());
        assertEquals("The new rules are a disaster for small farms.", quotes.get(0).text());
        assertEquals("warn", quotes.get(1).cue());
    }

    @Test
    void thePartySaidIsThePartyTheArticleIsAbout() {
        // The Labour Party has chosen its candidate. The candidate will campaign on housing, the party said.
        ArticleFacts f = GoldenFacts.of("statement-the-party-said");
        assertEquals("The candidate will campaign on housing", statement(f, "Labour Party").orElseThrow().text());
    }

    @Test
    void pronounAfterATitleSubjectIsTheTitleHolder() {
        // Prime Minister Alan Ward visited ... The prime minister later met ... He said ...
        ArticleFacts f = GoldenFacts.of("statement-pronoun-after-title-subject");
        assertEquals("the government would pay for the repairs", statement(f, "Alan Ward").orElseThrow().text());
    }

    @Test
    void reportedSpeechEndsWhereAQuoteBegins() {
        // She said the plan was sound: "We have costed every part of it carefully and we stand by it."
        ArticleFacts f = GoldenFacts.of("statement-reported-speech-ends-at-quote");
        List<String> texts = f.statements().stream().filter(s -> s.speaker().label().equals("Ruth Cole"))
                .map(StatementFact::text).toList();
        assertTrue(texts.contains("the plan was sound"), texts.toString());
        assertTrue(texts.contains("We have costed every part of it carefully and we stand by it."), texts.toString());
    }

    @Test
    void quotedPhraseInsideReportedSpeechStaysWithItsMarks() {
        ArticleFacts f = GoldenFacts.of("statement-quoted-phrase-in-reported-speech");
        assertEquals("the new tax was \"a disgrace\" for working families", statement(f, "Bill Oduya").orElseThrow().text());
    }

    @Test
    void speakerNamedInAppositionToASpokesman() {
        // Her spokesman, Carl Voss, wrote on Twitter that the report was "deeply flawed".
        ArticleFacts f = GoldenFacts.of("statement-speaker-in-apposition-to-spokesman");
        assertEquals("the report was \"deeply flawed\"", statement(f, "Carl Voss").orElseThrow().text());
    }

    @Test
    void aPersonWhoSaysSomethingInARelativeClauseIsItsSpeakerButNotABodyOrSeveralPeople() {
        // Lena Ortiz, who argued that ... The survey, which said that ... Several traders, who said ...
        ArticleFacts f = GoldenFacts.of("statement-speaker-of-a-relative-clause");
        StatementFact s = statement(f, "Lena Ortiz").orElseThrow();
        assertEquals("the new pier would be finished by spring", s.text());
        assertEquals("argue", s.cue());
        assertFalse(s.direct());
        assertEquals(1, f.statements().size(), f.statements().toString());
    }

    @Test
    void aSpeakerNamedInsideALongTitleThatIsTheSubjectSpeaks() {
        // "Special Assistant to the Chief Minister on Health Dr Nadia Rauf said on Friday that ...":
        // the parser makes "Assistant" the subject and the name part of the title's phrase
        ArticleFacts f = GoldenFacts.of("role-aide-to-an-office-with-a-brief");
        assertEquals("the Sindh government would open ten new clinics", statement(f, "Nadia Rauf").orElseThrow().text());
    }

    @Test
    void aRunOfSentencesThatGoOnWithHeKeepsTheirSpeaker() {
        // Daniel Okafor is named in the first two sentences; the next four begin "He added", "He also
        // said", "He warned", "He noted": the last is three sentences past the last name
        ArticleFacts f = GoldenFacts.of("statement-pronoun-runs-on-over-sentences");
        List<String> texts = f.statements().stream().filter(s -> s.speaker().label().equals("Daniel Okafor"))
                .map(StatementFact::text).toList();
        assertTrue(texts.contains("local traders had asked for more parking"), texts.toString());
        assertEquals(5, texts.size(), texts.toString());
    }

    @Test
    void anObjectSpeechVerbKeepsTheGroundsItGivesAfterItsObject() {
        // "... criticised the transport minister for delaying the new bus routes." and
        // "... accused the contractor of ignoring safety rules at the depot."
        ArticleFacts f = GoldenFacts.of("statement-object-speech-with-its-grounds");
        assertEquals("the transport minister for delaying the new bus routes", statement(f, "Rana Tufail").orElseThrow().text());
        StatementFact accused = statement(f, "Amna Vaz").orElseThrow();
        assertEquals("the contractor of ignoring safety rules at the depot", accused.text());
        assertEquals("accuse", accused.cue());
    }

    @Test
    void theNameNextToTheVerbSpeaksWhereTheParserHungTheBodyBeforeItOnTheVerbToo() {
        // "Pakistan Tehreek-e-Adl (PTA) Punjab President Samir Ahmed Lodhi on Monday claimed that ...":
        // the parser makes both "e-Adl" and "Lodhi" subjects of "claimed"
        ArticleFacts f = GoldenFacts.of("statement-name-next-to-the-verb-speaks");
        assertEquals(List.of("Samir Ahmed Lodhi"), f.statements().stream().map(s -> s.speaker().label()).toList());
    }
}
