package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.TrigFixtures;

/** {@code newsgraph audit} on a database of made-up article graphs (src/test/resources/audit/store.trig). */
class AuditCommandTest {

    @TempDir
    Path tmp;
    Path db;

    @BeforeEach
    void database() {
        db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            TrigFixtures.load(store, TrigFixtures.read("/audit/store.trig"));
        }
    }

    @Test
    void printsEachCheckWithItsCountExamplesAndWhatToDo() {
        QueryCommandTest.Run run = QueryCommandTest.run("audit", "--db", db.toString());

        assertEquals(Main.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith("Store audit: 4 articles"), run.out());
        assertTrue(run.out().contains("Persons that may be one: 2 of 5 persons"), run.out());
        assertTrue(run.out().contains("  Marlow: a person in 1 article, a place in 2 articles"), run.out());
        assertTrue(run.out().contains("  Coast Super League (1 article)"), run.out());
        assertTrue(run.out().contains("  -> "), "a hint where something was found");
        assertTrue(run.err().startsWith("audited "), run.err());
    }

    @Test
    void jsonGivesTheSameForScripts() {
        QueryCommandTest.Run run = QueryCommandTest.run("audit", "--db", db.toString(), "-f", "json", "--examples", "0", "-q");

        assertEquals(Main.OK, run.exit(), run.err());
        JsonObject json = JSON.parse(run.out());
        assertEquals(4, json.get("articles").getAsNumber().value().intValue());
        assertEquals("possible-duplicates", json.get("checks").getAsArray().get(0).getAsObject().get("check").getAsString().value());
        assertTrue(json.get("checks").getAsArray().get(0).getAsObject().get("examples").getAsArray().isEmpty());
        assertEquals("", run.err());
    }

    @Test
    void aFolderThatIsNoDatabaseIsAClearError() {
        QueryCommandTest.Run run = QueryCommandTest.run("audit", "--db", tmp.resolve("none").toString());

        assertEquals(Main.ERROR, run.exit());
        assertTrue(run.err().contains("none"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run.err());
    }
}
