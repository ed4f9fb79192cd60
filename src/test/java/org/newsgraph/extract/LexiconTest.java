package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.error.NewsgraphException;

class LexiconTest {

    private final Lexicon lexicon = Lexicon.builtIn();

    @Test
    void builtInListsHoldGeneralDomainWords() {
        assertTrue(lexicon.isHonorific("Dr."));
        assertTrue(lexicon.speechVerbs().contains("say"));
        assertTrue(lexicon.objectSpeech().contains("deny"));
        assertTrue(lexicon.eventTriggers().contains("resign"));
        assertTrue(lexicon.placeTitles().contains("prime minister"));
        assertFalse(lexicon.placeTitles().contains("chairman"));
    }

    @Test
    void longerTitlesComeBeforeTheirParts() {
        assertTrue(lexicon.titles().indexOf("deputy prime minister") < lexicon.titles().indexOf("minister"));
    }

    @Test
    void knownPartiesAreFoundByAnyOfTheirNames() {
        Lexicon.KnownEntity tories = lexicon.findKnown("Tories").orElseThrow();
        assertEquals("Conservative Party", tories.name());
        assertTrue(tories.party());
        assertEquals("Q9626", tories.wikidata().orElseThrow());
        assertEquals(lexicon.findKnown("PML-N"), lexicon.findKnown("pml n"));
    }

    @Test
    void extensionFolderAddsToTheBuiltInLists(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("titles.txt"), "# mine\nparish councillor @place\n");
        Files.writeString(dir.resolve("known-entities.tsv"), "party\tExample Party\t-\tEXP|Examples\n");
        Lexicon extended = Lexicon.withExtensions(dir);
        assertTrue(extended.titles().contains("parish councillor"));
        assertTrue(extended.placeTitles().contains("parish councillor"));
        assertTrue(extended.titles().contains("prime minister"));
        assertEquals("Example Party", extended.findKnown("EXP").orElseThrow().name());
    }

    @Test
    void extensionCanNamePersonsWithTheirVariants(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("known-entities.tsv"), "person\tJane Q. Public\tQ42\tJane Public|J. Q. Public\n");
        Lexicon.KnownEntity jane = Lexicon.withExtensions(dir).findKnown("jane public").orElseThrow();
        assertEquals(EntityKind.PERSON, jane.kind());
        assertEquals("Jane Q. Public", jane.name());
        assertEquals("Q42", jane.wikidata().orElseThrow());
    }

    @Test
    void unknownKindInTheEntityFileIsAClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("known-entities.tsv"), "city\tSpringfield\t-\t\n");
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> Lexicon.withExtensions(dir));
        assertTrue(e.getMessage().contains("kind must be"), e.getMessage());
    }

    @Test
    void boilerplatePatternsKeepTheirCase(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("boilerplate.txt"), "Tags:\\s+\\S+(,\\s*\\S+)*\n");
        Lexicon extended = Lexicon.withExtensions(dir);
        assertTrue(extended.isBoilerplate("Tags: politics, budget"));
        assertTrue(extended.isBoilerplate("Also Read: the party announces a rally"));
        assertFalse(extended.isBoilerplate("The minister said the budget was fair."));
    }

    @Test
    void missingExtensionFolderIsAClearError(@TempDir Path dir) {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> Lexicon.withExtensions(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void aWordListThatIsNotUtf8IsNamedInTheError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("titles.txt"), new byte[] {'c', 'h', (byte) 0xE9, 'f', '\n'});

        NewsgraphException e = assertThrows(NewsgraphException.class, () -> Lexicon.withExtensions(dir));

        assertTrue(e.getMessage().startsWith(dir.resolve("titles.txt") + ": cannot read this word list (is it UTF-8 text?)"),
                e.getMessage());
    }

    @Test
    void filesGivenByNameExtendTheListsAsAFolderDoes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("known-entities.tsv"), "party\tExample Party\t-\tEXP|Examples\n");

        Lexicon fromMap = Lexicon.withExtensions(Map.of("known-entities.tsv", "party\tExample Party\t-\tEXP|Examples\n"));

        assertEquals(Lexicon.withExtensions(dir).findKnown("EXP"), fromMap.findKnown("EXP"));
        assertEquals("Example Party", fromMap.findKnown("Examples").orElseThrow().name());
    }

    @Test
    void titleBodiesAreExtendedAndABadLineIsNamed() {
        assertTrue(Lexicon.builtIn().titleBodies().isEmpty(), "no built-in rows: a user's word list supplies them");
        Lexicon extended = Lexicon.withExtensions(Map.of("title-bodies.tsv", "# mine\nbishop\tdiocese | church\n"));
        assertEquals(java.util.Set.of("diocese", "church"), extended.titleBodies().get("bishop"));

        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> Lexicon.withExtensions(Map.of("title-bodies.tsv", "bishop diocese\n")));
        assertTrue(e.getMessage().startsWith("title-bodies.tsv: expected a title's last word, a tab"), e.getMessage());
    }
}
