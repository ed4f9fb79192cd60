package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleParserTextTest {

    private static final String LONG_PARAGRAPH = "Union members gathered outside the depot on Tuesday"
            + " to oppose the new shift rota, and the drivers' stewards talked late into"
            + " the night about how the quarrel could be ended";

    private final ArticleParser parser = ArticleParser.create();

    private Article ok(String content) {
        return assertInstanceOf(ReadResult.Success.class, parser.parseText("a1", content, "a1.txt")).article();
    }

    private String problem(String content) {
        ReadResult.Failure failure = assertInstanceOf(ReadResult.Failure.class,
                parser.parseText("a1", content, "a1.txt"));
        assertEquals("a1.txt", failure.source());
        return failure.problem();
    }

    @Test
    void headerWithBodyOnTheSameLineGivesDateAndBody() {
        Article a = ok(" date 2025-02-09 Union members gathered outside the depot on Tuesday.\n\nSecond paragraph.");

        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals(Optional.empty(), a.title());
        assertEquals("Union members gathered outside the depot on Tuesday.\n\nSecond paragraph.", a.text());
        assertEquals("a1", a.id());
        assertEquals("a1.txt", a.source());
    }

    @Test
    void headerOnItsOwnLineFollowedByHeadline() {
        Article a = ok("date 2025-02-09\n\nCouncil votes on new fares\n\nUnion members gathered.\n\nSecond paragraph.\n");

        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals(Optional.of("Council votes on new fares"), a.title());
        assertEquals("Union members gathered.\n\nSecond paragraph.", a.text());
    }

    @Test
    void aPhotoCreditGluedToTheNextLineIsBrokenOffIt() {
        Article a = ok("date 2025-03-01\n\nA ferry leaves the harbour at dawn. — Agency/FileHARBOURTOWN: The port "
                + "reopened on Friday. — Wire/FileThe mayor spoke. A profile/File photo stays whole.");

        assertEquals("A ferry leaves the harbour at dawn. — Agency/File\nHARBOURTOWN: The port reopened on Friday. — Wire/File"
                + "\nThe mayor spoke. A profile/File photo stays whole.", a.text());
    }

    @Test
    void headerWordIsCaseInsensitiveAndMayFollowBomAndBlankLines() {
        Article a = ok("\uFEFF\n  DATE\t2025-02-09\nUnion members gathered.");

        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals("Union members gathered.", a.text());
    }

    @Test
    void noBreakSpaceAfterHeaderDateSeparatesItFromTheBody() {
        Article a = ok("date\u00A02025-02-09\u00A0Union members gathered.");

        assertEquals(Optional.of(LocalDate.of(2025, 2, 9)), a.date());
        assertEquals("Union members gathered.", a.text());
    }

    @Test
    void withoutHeaderTheDateIsUnknown() {
        Article a = ok("Union members gathered outside the office.\nThey left at noon.\n");

        assertEquals(Optional.empty(), a.date());
        assertEquals(Optional.empty(), a.title());
        assertEquals("Union members gathered outside the office.\nThey left at noon.", a.text());
    }

    @Test
    void dateFollowedByOrdinaryWordIsBodyNotHeader() {
        Article a = ok("Date palms grow well in Sindh.");

        assertEquals(Optional.empty(), a.date());
        assertEquals("Date palms grow well in Sindh.", a.text());
    }

    @Test
    void shortFirstLineBeforeBlankLineIsHeadlineWithoutHeader() {
        Article a = ok("Council votes on new fares\n   \nUnion members gathered.");

        assertEquals(Optional.of("Council votes on new fares"), a.title());
        assertEquals("Union members gathered.", a.text());
    }

    @Test
    void longFirstParagraphAfterHeaderIsNotHeadline() {
        Article a = ok(" date 2025-02-09 " + LONG_PARAGRAPH + "\n\nSecond paragraph.");

        assertEquals(Optional.empty(), a.title());
        assertEquals(LONG_PARAGRAPH + "\n\nSecond paragraph.", a.text());
    }

    @Test
    void firstLineOverTwoHundredCharactersIsNotHeadline() {
        String line = "Word".repeat(60);
        Article a = ok(line + "\n\nBody.");

        assertEquals(Optional.empty(), a.title());
        assertTrue(a.text().startsWith(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Members walked out at noon.", "Is the party splitting?", "He said:",
            "He said: \"We will stay.\"", "Leaders said ‘enough!’"})
    void firstLineEndingInSentencePunctuationIsNotHeadline(String firstLine) {
        Article a = ok(firstLine + "\n\nBody.");

        assertEquals(Optional.empty(), a.title());
        assertEquals(firstLine + "\n\nBody.", a.text());
    }

    @Test
    void firstLineNotFollowedByBlankLineIsNotHeadline() {
        Article a = ok("Council votes on new fares\nUnion members gathered.");

        assertEquals(Optional.empty(), a.title());
        assertEquals("Council votes on new fares\nUnion members gathered.", a.text());
    }

    @Test
    void headlineWithNothingAfterItIsTheBody() {
        Article a = ok("Council votes on new fares\n\n  \n");

        assertEquals(Optional.empty(), a.title());
        assertEquals("Council votes on new fares", a.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-45", "2025-02-30", "25-2-9", "2025/02/09"})
    void invalidHeaderDateIsFailureNamingTheValue(String value) {
        String problem = problem("date " + value + " Union members gathered.");

        assertEquals("date header '" + value + "' is not a valid date (expected YYYY-MM-DD)", problem);
    }

    @Test
    void headerWithoutBodyIsEmptyArticle() {
        assertEquals("empty article: no text after the header", problem("date 2025-02-09\n\n   \n"));
    }

    @Test
    void whitespaceOnlyTextIsEmptyArticle() {
        assertEquals("empty article: no text", problem(" \n\t\r\n\uFEFF  \n"));
    }

    @Test
    void lineEndingsAreNormalisedAndTrailingWhitespaceTrimmed() {
        Article a = ok("Council backs budget\r\n\r\nFirst line.  \r\nsecond line.\t\r\n\r\nNext paragraph.   \r\n\r\n");

        assertEquals(Optional.of("Council backs budget"), a.title());
        assertEquals("First line.\nsecond line.\n\nNext paragraph.", a.text());
    }

    @Test
    void dateAfterTomorrowIsFailureAndTomorrowIsAccepted() {
        ArticleParser on9March = ArticleParser.create(Clock.fixed(Instant.parse("2025-03-09T23:30:00Z"), ZoneOffset.UTC));

        ReadResult future = on9March.parseText("a1", "date 2025-03-11 The council met.", "a1.txt");
        ReadResult tomorrow = on9March.parseText("a1", "date 2025-03-10 The council met.", "a1.txt");

        assertEquals("date header: date 2025-03-11 is in the future (after 2025-03-10); check the article's date",
                assertInstanceOf(ReadResult.Failure.class, future).problem());
        assertEquals(Optional.of(LocalDate.of(2025, 3, 10)),
                assertInstanceOf(ReadResult.Success.class, tomorrow).article().date());
    }

    @Test
    void htmlPageIsFailureSayingSo() {
        assertEquals("an HTML page, not article text; extract the article's text first",
                problem("\n<!-- saved -->\n<!DOCTYPE html>\n<html><body><p>The council met.</p></body></html>"));
        assertEquals("an HTML page, not article text; extract the article's text first",
                problem("<HTML lang=en><p>The council met.</p></HTML>"));
    }

    @Test
    void articleMentioningHtmlTagsIsText() {
        assertEquals("The <html> tag was shown on screen.", ok("The <html> tag was shown on screen.").text());
    }

    @Test
    void thousandWordsWithoutASentenceEndAreNotProse() {
        String words = "council ".repeat(1001);

        assertEquals("more than 1000 words without a sentence end from character 16: not prose (one endless line of"
                + " words?); break it into sentences", problem("The council met. " + words));
        assertEquals(1000 * 3, ok(("council met today. ").repeat(1000)).text().split(" ").length);
        assertEquals(2, ok("council ".repeat(900) + "\n\n" + "council ".repeat(900)).text().split("\n\n").length);
    }

    @Test
    void textWithNulCharacterIsBinary() {
        assertTrue(problem("PK\u0003\u0004\u0000\u0000abc").startsWith("binary file, not text"));
    }

    @Test
    void textOfMostlyControlCharactersIsBinary() {
        assertTrue(problem("\u0001\u0002\u0003\u0004ab\u0005\u0006\u0007\u0008").startsWith("binary file, not text"));
    }

    @Test
    void strayControlCharacterInLongTextIsAccepted() {
        Article a = ok("Party workers\u0007 gathered outside the office on Saturday.");

        assertTrue(a.text().startsWith("Party workers"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x y", "a/b", "a#b", "a?b", "tab\there", "..", "a%20b"})
    void idThatCannotEndAnIriIsFailure(String id) {
        ReadResult.Failure failure = assertInstanceOf(ReadResult.Failure.class,
                parser.parseText(id, "Some text.", "src"));

        assertTrue(failure.problem().startsWith("article id '" + TextRules.printable(id) + "'"), failure.problem());
        assertTrue(failure.problem().endsWith("use letters, digits, '-', '_', '.'"), failure.problem());
    }

    @Test
    void idWithLettersDigitsDashUnderscoreDotIsKeptAsGiven() {
        ReadResult result = parser.parseText("MQM-bahadurabad_2025.02.09", "Some text.", "src");

        assertEquals("MQM-bahadurabad_2025.02.09",
                assertInstanceOf(ReadResult.Success.class, result).article().id());
    }
}
