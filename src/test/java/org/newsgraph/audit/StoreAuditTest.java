package org.newsgraph.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.resolve.MergeRules;
import org.newsgraph.resolve.StoreResolution;
import org.newsgraph.store.GraphStore;

/** The audit on a made-up store of four articles (src/test/resources/audit/store.trig). */
class StoreAuditTest {

    private GraphStore store;

    @BeforeEach
    void load() throws IOException {
        store = GraphStore.inMemory();
        DatasetGraph data = DatasetGraphFactory.create();
        try (InputStream in = StoreAuditTest.class.getResourceAsStream("/audit/store.trig")) {
            RDFParser.source(in).lang(Lang.TRIG).parse(data);
        }
        Txn.executeWrite(store.dataset(), () -> data.find().forEachRemaining(store.dataset()::add));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void findsAOneWordNameBesideTheFullerNamesItEndsAndASpellingVariant() {
        Finding f = StoreAudit.run(store, MergeRules.none(), 10).finding("possible-duplicates");
        assertEquals(5, f.of(), "persons");
        assertEquals(2, f.count(), f.examples().toString());
        assertTrue(f.examples().stream().anyMatch(e -> e.startsWith("Venn: ") && e.contains("Tariq Venn")
                && e.contains("Ines Venn") && e.contains("2 fuller names")), f.examples().toString());
        assertTrue(f.examples().stream().anyMatch(e -> e.startsWith("Ines Venn: Ines-Venn")), f.examples().toString());
    }

    @Test
    void aPairTheRulesForbidIsNoLongerAPossibleDuplicate(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.tsv"), "forbid\tVenn\tTariq Venn\nforbid\tVenn\tInes Venn\n");
        Finding f = StoreAudit.run(store, MergeRules.read(rules), 10).finding("possible-duplicates");
        assertEquals(1, f.count(), f.examples().toString());
        assertTrue(f.examples().get(0).startsWith("Ines Venn: Ines-Venn"), f.examples().toString());
    }

    @Test
    void findsANameThatIsBothAPersonAndAPlace() {
        Finding f = StoreAudit.run(store, MergeRules.none(), 10).finding("type-clashes");
        assertEquals(1, f.count());
        assertEquals(List.of("Marlow: a person in 1 article, a place in 2 articles"), f.examples());
    }

    @Test
    void separatesRolesWhoseBodyIsStatedElsewhereFromThoseOnlyImpliedByTheArticle() {
        AuditReport report = StoreAudit.run(store, MergeRules.none(), 10);
        Finding stated = report.finding("unnamed-bodies");
        assertEquals(3, stated.of(), "roles with a body");
        assertEquals(1, stated.count());
        assertTrue(stated.examples().get(0).startsWith("Venn, governor in Ostland [t2]: \"Governor Venn said"),
                stated.examples().toString());
        Finding inferred = report.finding("inferred-bodies");
        assertEquals(1, inferred.count());
        assertTrue(inferred.examples().get(0).startsWith("Ines Venn, chief minister in Marlow [t3]"), inferred.examples().toString());
    }

    @Test
    void findsALeagueTypedAParty() {
        Finding f = StoreAudit.run(store, MergeRules.none(), 10).finding("non-parties");
        assertEquals(2, f.of());
        assertEquals(List.of("Coast Super League (1 article)"), f.examples());
    }

    @Test
    void aResolvedStoreHasFewerPossibleDuplicatesAndTheRecordGraphIsNotAudited() {
        StoreResolution.run(store, MergeRules.none(), false);
        AuditReport report = StoreAudit.run(store, MergeRules.none(), 10);
        // the variant joined; "Venn" begins no one fuller name, so it stays, still a possible duplicate
        assertEquals(1, report.finding("possible-duplicates").count(), report.text());
        assertEquals(4, report.articles());
    }

    @Test
    void examplesAreCappedAndTheTextSaysHowManyMore() {
        AuditReport report = StoreAudit.run(store, MergeRules.none(), 1);
        assertEquals(1, report.finding("possible-duplicates").examples().size());
        assertTrue(report.text().contains("... and 1 more"), report.text());
        assertTrue(report.text().contains("Persons that may be one: 2 of 5 persons (40.00%)"), report.text());
        JsonObject json = report.json();
        assertEquals(4, json.get("articles").getAsNumber().value().intValue());
        assertEquals(5, json.get("checks").getAsArray().size());
        assertThrows(IllegalArgumentException.class, () -> StoreAudit.run(store, MergeRules.none(), -1));
    }
}
