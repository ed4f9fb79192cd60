package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.query.QueryFixtures.rows;
import static org.newsgraph.query.QueryFixtures.run;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/**
 * Every built-in query, run on the real graph of the sample article (a Dawn report on MQM-P's
 * internal dispute, 9 February 2025) and on three made-up
 * articles where the sample has no data (role changes, co-occurrence, several dates), giving the
 * rows a reader of those articles expects.
 */
class CannedQueriesTest {

    /** The queries this class tests; {@link #everyBuiltInQueryIsTestedHere} keeps it complete. */
    static final Set<String> TESTED = Set.of("roles", "party-members", "statements-by", "statements-about", "timeline",
            "co-occurrence", "role-changes", "role-conflicts", "top-speakers", "articles-mentioning", "events-in-range",
            "top-entities", "articles", "entity-facts", "possible-duplicates");

    static final String MQM_P = "Muttahida Qaumi Movement Pakistan";
    static final String SAMPLE_ID = QueryFixtures.SAMPLE_ARTICLE;

    static GraphStore sample;
    static GraphStore synthetic;

    @BeforeAll
    static void load() {
        sample = QueryFixtures.store(QueryFixtures.SAMPLE);
        synthetic = QueryFixtures.store(QueryFixtures.SYNTHETIC);
    }

    @AfterAll
    static void close() {
        sample.close();
        synthetic.close();
    }

    @Nested
    class Coverage {
        @Test
        void everyBuiltInQueryIsTestedHere() {
            assertEquals(new TreeSet<>(QueryCatalog.builtIn().names()), new TreeSet<>(TESTED));
            assertTrue(TESTED.size() >= 12);
        }
    }

    @Nested
    class Roles {
        @Test
        void listsEachPersonsRoleWithItsPartyOrPlaceInTheSample() {
            assertEquals(List.of(
                    "Farooq Sattar | leader | " + MQM_P + " | false",
                    "Kamran Tessori | governor | Sindh | false",
                    "Khalid Maqbool Siddiqui | chairman | " + MQM_P + " | false",
                    "Shehbaz Sharif | prime minister | Pakistan | false"),
                    rows(run(sample, "roles"), "person", "title", "in", "former"));
        }

        @Test
        void givesThePartyOfKhalidMaqboolSiddiquiWithDateAndArticle() {
            assertEquals(List.of("Khalid Maqbool Siddiqui | chairman | " + MQM_P + " | 2025-02-09 | " + SAMPLE_ID),
                    rows(run(sample, "roles", "person=khalid maqbool"), "person", "title", "in", "reportedOn", "articleId"));
        }

        @Test
        void filtersByAnyNameOfTheOrganizationOrPlace() {
            assertEquals(List.of("Farooq Sattar | leader", "Khalid Maqbool Siddiqui | chairman"),
                    rows(run(sample, "roles", "org=MQM-P"), "person", "title"));
            assertEquals(List.of("Kamran Tessori | governor"), rows(run(sample, "roles", "org=sindh"), "person", "title"));
        }

        @Test
        void theLatestArticleReplacesEarlierRolesInTheSameParty() {
            assertEquals(List.of(
                    "Ilse Vardan | chair | Union of Northern Farmers | false | farmers-2025-03-02",
                    "Mara Quill | leader | Green Harbour Party | false | harbour-2025-01-15",
                    "Otto Brannick | leader | Green Harbour Party | false | farmers-2025-03-02",
                    "Tobias Fenn | spokesperson | Green Harbour Party | false | harbour-2024-11-03",
                    "Tobias Fenn | spokesperson | Union of Northern Farmers | false | farmers-2025-03-02"),
                    rows(run(synthetic, "roles"), "person", "title", "in", "former", "articleId"));
        }

        @Test
        void asOfADateUsesOnlyArticlesUpToThatDateAndCanLeaveOutFormerRoles() {
            assertEquals(List.of(
                    "Mara Quill | leader | false",
                    "Otto Brannick | former leader | true",
                    "Tobias Fenn | spokesperson | false"),
                    rows(run(synthetic, "roles", "asOf=2025-02-01"), "person", "title", "former"));
            assertEquals(List.of("Mara Quill | leader", "Tobias Fenn | spokesperson"),
                    rows(run(synthetic, "roles", "asOf=2025-02-01", "includeFormer=false"), "person", "title"));
            assertEquals(List.of(), rows(run(sample, "roles", "asOf=2025-01-01"), "person"));
        }
    }

    @Test
    void aScopeOnlyImpliedByItsArticleIsNoChangeOfRole() {
        try (GraphStore store = QueryFixtures.store("inferred-scope.trig")) {
            assertEquals(List.of(), rows(run(store, "role-changes"), "person"));
        }
        // the same second report with its scope stated is a change of place
        DatasetGraph data = QueryFixtures.read("inferred-scope.trig");
        data.getGraph(NodeFactory.createURI("https://w3id.org/newsgraph/article/southland-2025-03-09"))
                .remove(Node.ANY, NodeFactory.createURI("https://w3id.org/newsgraph/ontology#scopeInferred"), Node.ANY);
        try (GraphStore store = GraphStore.inMemory()) {
            QueryFixtures.load(store, data);
            assertEquals(List.of("Lena Farrow | Northland | Southland"),
                    rows(run(store, "role-changes"), "person", "beforeIn", "afterIn"));
        }
    }

    /** With a fourth article of 15 January 2025 that reports Quill as leader and Fenn as spokesperson again. */
    @Nested
    class PossibleDuplicates {
        GraphStore store;

        @BeforeEach
        void load() {
            store = QueryFixtures.store(QueryFixtures.SYNTHETIC, "duplicates.trig");
        }

        @AfterEach
        void close() {
            store.close();
        }

        @Test
        void aOneWordNameListsTheFullerNamesItEndsMostNamedFirst() {
            assertEquals(List.of(
                    "Quill | Mara Quill | a one-word name that begins or ends the other | 3",
                    "Quill | Ilse Quill | a one-word name that begins or ends the other | 1"),
                    rows(run(store, "possible-duplicates", "person=quill"), "person", "lookAlike", "why", "articles")
                            .stream().filter(r -> r.startsWith("Quill |")).toList());
        }

        @Test
        void aFullNameListsItsSpellingVariantAndTheOneWordNameButNotAnotherFullName() {
            assertEquals(List.of(
                    "Mara Quill | Mara-Quill | names equal but for case, spaces or hyphens",
                    "Mara Quill | Quill | the other is a one-word name that begins or ends this one"),
                    rows(run(store, "possible-duplicates", "person=Mara Quill"), "person", "lookAlike", "why"));
        }

        @Test
        void theSampleArticleHasNone() {
            assertEquals(List.of(), rows(run(sample, "possible-duplicates", "person=a"), "person"));
        }
    }

    @Nested
    class SeveralArticlesOfOneDay {
        GraphStore store;

        @BeforeEach
        void load() {
            store = QueryFixtures.store(QueryFixtures.SYNTHETIC, "same-day.trig");
        }

        @AfterEach
        void close() {
            store.close();
        }

        @Test
        void aRoleReportedByTwoArticlesOfItsLatestDayIsOneRowFromTheFirstArticle() {
            assertEquals(List.of(
                    "Mara Quill | leader | Green Harbour Party | 2025-01-15 | harbour-2025-01-15",
                    "Otto Brannick | leader | Green Harbour Party | 2025-03-02 | farmers-2025-03-02",
                    "Tobias Fenn | spokesperson | Green Harbour Party | 2025-01-15 | harbour-2025-01-15-b"),
                    rows(run(store, "roles", "org=GHP"), "person", "title", "in", "reportedOn", "articleId"));
            assertEquals(List.of("Mara Quill | harbour-2025-01-15", "Otto Brannick | farmers-2025-03-02",
                    "Tobias Fenn | harbour-2025-01-15-b"), rows(run(store, "party-members", "party=GHP"), "person", "articleId"));
        }

        @Test
        void aChangeStartsFromTheLatestEarlierReport() {
            assertEquals(List.of(
                    "Mara Quill | deputy leader | 2024-11-03 | leader | 2025-01-15 | harbour-2025-01-15",
                    "Otto Brannick | former leader | 2025-01-15 | leader | 2025-03-02 | farmers-2025-03-02",
                    "Tobias Fenn | spokesperson | 2025-01-15 | spokesperson | 2025-03-02 | farmers-2025-03-02"),
                    rows(run(store, "role-changes"), "person", "before", "beforeDate", "after", "afterDate", "afterArticle"));
            assertEquals(List.of("harbour-2025-01-15-b"), rows(run(store, "role-changes", "person=Fenn"), "beforeArticle"));
        }
    }

    @Nested
    class PartyMembers {
        @Test
        void listsTheLeadersOfMqmPFoundByItsShortName() {
            assertEquals(List.of(
                    MQM_P + " | Farooq Sattar | leader | true",
                    MQM_P + " | Khalid Maqbool Siddiqui | chairman | true"),
                    rows(run(sample, "party-members", "party=MQM"), "party", "person", "title", "leadership"));
        }

        @Test
        void marksLeadershipTitlesAndCanListOnlyLeaders() {
            assertEquals(List.of(
                    "Mara Quill | leader | true | harbour-2025-01-15",
                    "Otto Brannick | leader | true | farmers-2025-03-02",
                    "Tobias Fenn | spokesperson | false | harbour-2024-11-03"),
                    rows(run(synthetic, "party-members", "party=GHP"), "person", "title", "leadership", "articleId"));
            assertEquals(List.of("Mara Quill", "Otto Brannick"),
                    rows(run(synthetic, "party-members", "party=green harbour", "leadersOnly=true"), "person"));
            assertEquals(List.of("Ilse Vardan | chair | true", "Tobias Fenn | spokesperson | false"),
                    rows(run(synthetic, "party-members", "party=Union of Northern Farmers"), "person", "title", "leadership"));
        }
    }

    @Nested
    class StatementsBy {
        @Test
        void givesEverythingSiddiquiSaidInTextOrder() {
            assertEquals(List.of(
                    "confirm | false | he had been with Prime Minister Shehbaz Sharif since early morning on Friday and that no such decision was discussed",
                    "state | true | PM Shehbaz has not mentioned anything about the governor’s removal. If the government had made such a decision, we would have been taken into confidence,",
                    "emphasize | false | MQM-P remains a key ally of the federal government and continues to hold representation in the cabinet"),
                    rows(run(sample, "statements-by", "speaker=Siddiqui"), "cue", "direct", "text"));
        }

        @Test
        void narrowsToAWordOrToDirectQuotes() {
            assertEquals(List.of("Khalid Maqbool Siddiqui | emphasize"),
                    rows(run(sample, "statements-by", "speaker=Siddiqui", "word=CABINET"), "speaker", "cue"));
            assertEquals(List.of("state"), rows(run(sample, "statements-by", "speaker=Siddiqui", "directOnly=true"), "cue"));
        }

        @Test
        void anOrganizationIsASpeakerToo() {
            assertEquals(List.of("MQM Central Committee | announce", MQM_P + " | claim", "MQM Central Committee | decide",
                    MQM_P + " | refute"), rows(run(sample, "statements-by", "speaker=MQM"), "speaker", "cue"));
        }

        @Test
        void listsStatementsAcrossArticlesOldestFirst() {
            assertEquals(List.of(
                    "We will protect the harbour jobs. | 2024-11-03 | harbour-2024-11-03",
                    "The harbour budget must be doubled. | 2025-01-15 | harbour-2025-01-15"),
                    rows(run(synthetic, "statements-by", "speaker=mara quill"), "text", "date", "articleId"));
        }
    }

    @Nested
    class StatementsAbout {
        @Test
        void findsWhatWasSaidAboutTheGovernor() {
            assertEquals(List.of(
                    MQM_P + " | refute | claims about Sindh Governor Kamran Tessori’s removal",
                    "Khalid Maqbool Siddiqui | state | PM Shehbaz has not mentioned anything about the governor’s removal. If the government had made such a decision, we would have been taken into confidence,"),
                    rows(run(sample, "statements-about", "topic=governor"), "speaker", "cue", "text"));
        }

        @Test
        void limitsArticlesToADateRange() {
            assertEquals(List.of("Mara Quill | harbour-2025-01-15", "Ilse Vardan | farmers-2025-03-02"),
                    rows(run(synthetic, "statements-about", "topic=budget"), "speaker", "articleId"));
            assertEquals(List.of("Ilse Vardan"), rows(run(synthetic, "statements-about", "topic=budget", "from=2025-02-01"), "speaker"));
            assertEquals(List.of("Mara Quill"), rows(run(synthetic, "statements-about", "topic=budget", "to=2025-02-01"), "speaker"));
        }
    }

    @Nested
    class Timeline {
        @Test
        void givesTheEventsOfMqmDatedFirst() {
            assertEquals(List.of(
                    " | announced | MQM Central Committee | participant",
                    " | decided | MQM Central Committee | participant"),
                    rows(run(sample, "timeline", "entity=MQM"), "when", "trigger", "name", "how"));
        }

        @Test
        void inSentenceAddsTheProtestOnSaturday() {
            // The sentences of the committee's events name "MQM", one of the party's names, too.
            List<String> rows = rows(run(sample, "timeline", "entity=Muttahida", "inSentence=true"), "when", "trigger", "how");
            assertEquals(List.of(
                    "2025-02-08 | protest | named in sentence",
                    " | announced | named in sentence",
                    " | decided | named in sentence"), rows);
        }

        @Test
        void followsAPersonAndAPlaceThroughSeveralArticles() {
            assertEquals(List.of(
                    "2024-11-02 | rally | harbour-2024-11-03",
                    "2025-01-14 | elected | harbour-2025-01-15",
                    "2025-03-01 | talks | farmers-2025-03-02"),
                    rows(run(synthetic, "timeline", "entity=Quill"), "when", "trigger", "articleId"));
            assertEquals(List.of("2024-11-02 | rally | place", "2025-01-14 | elected | place"),
                    rows(run(synthetic, "timeline", "entity=Port Elm"), "when", "trigger", "how"));
        }
    }

    @Nested
    class CoOccurrence {
        @Test
        void theSampleHasNoEventWithTwoParticipants() {
            assertEquals(List.of(), rows(run(sample, "co-occurrence"), "nameA"));
        }

        @Test
        void countsSharedEventsPerPairMostFirst() {
            assertEquals(List.of(
                    "Mara Quill | Tobias Fenn | 2 | 2 | 2024-11-02 | 2025-03-01",
                    "Green Harbour Party | Mara Quill | 1 | 1 | 2025-01-14 | 2025-01-14",
                    "Ilse Vardan | Mara Quill | 1 | 1 | 2025-03-01 | 2025-03-01",
                    "Ilse Vardan | Tobias Fenn | 1 | 1 | 2025-03-01 | 2025-03-01"),
                    rows(run(synthetic, "co-occurrence"), "nameA", "nameB", "events", "articles", "first", "last"));
        }

        @Test
        void filtersByEntityAndMinimumEvents() {
            assertEquals(List.of("Mara Quill | Tobias Fenn"), rows(run(synthetic, "co-occurrence", "minEvents=2"), "nameA", "nameB"));
            assertEquals(List.of("Ilse Vardan | Mara Quill", "Ilse Vardan | Tobias Fenn"),
                    rows(run(synthetic, "co-occurrence", "entity=vardan"), "nameA", "nameB"));
        }
    }

    @Nested
    class RoleChanges {
        @Test
        void theSampleIsOneArticleSoNothingChanges() {
            assertEquals(List.of(), rows(run(sample, "role-changes"), "person"));
        }

        @Test
        void pairsTheEarlierRoleWithTheLaterOne() {
            assertEquals(List.of(
                    "Mara Quill | deputy leader | Green Harbour Party | leader | Green Harbour Party | harbour-2024-11-03 | harbour-2025-01-15",
                    "Otto Brannick | former leader | Green Harbour Party | leader | Green Harbour Party | harbour-2025-01-15 | farmers-2025-03-02",
                    "Tobias Fenn | spokesperson | Green Harbour Party | spokesperson | Union of Northern Farmers | harbour-2024-11-03 | farmers-2025-03-02"),
                    rows(run(synthetic, "role-changes"), "person", "before", "beforeIn", "after", "afterIn", "beforeArticle", "afterArticle"));
            assertEquals(List.of("Tobias Fenn | 2024-11-03 | 2025-03-02"),
                    rows(run(synthetic, "role-changes", "person=fenn"), "person", "beforeDate", "afterDate"));
        }
    }

    @Nested
    class RoleConflicts {
        @Test
        void theSampleHasNone() {
            assertEquals(List.of(), rows(run(sample, "role-conflicts"), "person"));
        }

        @Test
        void findsTwoPartiesAndAFormerLeaderCalledLeaderAgain() {
            assertEquals(List.of(
                    "Otto Brannick | former, then held | former leader | Green Harbour Party | leader | Green Harbour Party",
                    "Tobias Fenn | two parties | spokesperson | Green Harbour Party | spokesperson | Union of Northern Farmers"),
                    rows(run(synthetic, "role-conflicts"), "person", "conflict", "role1", "in1", "role2", "in2"));
            assertEquals(List.of("Tobias Fenn | two parties"), rows(run(synthetic, "role-conflicts", "person=Tobias"), "person", "conflict"));
        }
    }

    @Nested
    class TopSpeakers {
        @Test
        void siddiquiIsTheMostQuotedInTheSample() {
            assertEquals(List.of(
                    "Khalid Maqbool Siddiqui | 3 | 1 | 1",
                    "MQM Central Committee | 2 | 0 | 1",
                    MQM_P + " | 2 | 0 | 1",
                    "Farooq Sattar | 1 | 0 | 1"),
                    rows(run(sample, "top-speakers"), "speaker", "statements", "quotes", "articles"));
        }

        @Test
        void countsAcrossArticlesWithinDatesAndAMinimum() {
            assertEquals(List.of("Mara Quill | 2 | 2 | 2"),
                    rows(run(synthetic, "top-speakers", "minStatements=2"), "speaker", "statements", "quotes", "articles"));
            assertEquals(List.of("Ilse Vardan | 1", "Mara Quill | 1", "Otto Brannick | 0", "Union of Northern Farmers | 0"),
                    rows(run(synthetic, "top-speakers", "from=2025-01-01"), "speaker", "quotes"));
        }
    }

    @Nested
    class ArticlesMentioning {
        @Test
        void findsTheSampleArticleByKamranTessori() {
            assertEquals(List.of(SAMPLE_ID + " | 2025-02-09 | Kamran Tessori"),
                    rows(run(sample, "articles-mentioning", "entity=Kamran Tessori"), "articleId", "date", "name"));
        }

        @Test
        void listsArticlesNewestFirstAndFindsOtherNames() {
            assertEquals(List.of(
                    "farmers-2025-03-02 | Farmers' union and GHP hold talks in Valdmark",
                    "harbour-2025-01-15 | Quill elected to lead the Green Harbour Party",
                    "harbour-2024-11-03 | Green Harbour Party rallies in Port Elm"),
                    rows(run(synthetic, "articles-mentioning", "entity=Quill"), "articleId", "headline"));
            assertEquals(List.of("farmers-2025-03-02 | Union of Northern Farmers"),
                    rows(run(synthetic, "articles-mentioning", "entity=UNF"), "articleId", "name"));
        }
    }

    @Nested
    class EventsInRange {
        @Test
        void givesTheEventsOfSaturday8February2025() {
            assertEquals(List.of("2025-02-08 | protest", "2025-02-08 | gathered"),
                    rows(run(sample, "events-in-range", "from=2025-02-08", "to=2025-02-08"), "when", "trigger"));
        }

        @Test
        void anEventDatedByYearFallsInAPeriodOfThatYear() {
            assertEquals(List.of("2024 | protested | Union of Northern Farmers"),
                    rows(run(synthetic, "events-in-range", "from=2024-06-01", "to=2024-06-30"), "when", "trigger", "participants"));
        }

        @Test
        void ordersEventsOfSeveralArticlesWithParticipantsAndPlaces() {
            assertEquals(List.of(
                    "2024 | protested | Union of Northern Farmers | ",
                    "2024-11-02 | rally | Mara Quill; Tobias Fenn | Port Elm",
                    "2025-01 | resigned | Otto Brannick | ",
                    "2025-01-14 | elected | Green Harbour Party; Mara Quill | Port Elm",
                    "2025-03-01 | talks | Ilse Vardan; Mara Quill; Tobias Fenn | Valdmark"),
                    rows(run(synthetic, "events-in-range"), "when", "trigger", "participants", "places").stream()
                            .map(CannedQueriesTest::sortParticipants).toList());
            assertEquals(List.of("2025-01 | resigned", "2025-01-14 | elected"),
                    rows(run(synthetic, "events-in-range", "from=2025-01-01", "to=2025-01-31"), "when", "trigger"));
            assertEquals(List.of("2024-11-02 | rally"), rows(run(synthetic, "events-in-range", "trigger=RALL"), "when", "trigger"));
        }
    }

    @Nested
    class TopEntities {
        @Test
        void theChairmanHisPartyAndItsCommitteeHaveTheMostFactsInTheSample() {
            List<String> rows = rows(run(sample, "top-entities"), "name", "kind", "articles", "facts");
            assertEquals(13, rows.size(), rows.toString());
            assertEquals(List.of(
                    "Khalid Maqbool Siddiqui | person | 1 | 4",
                    "MQM Central Committee | organization | 1 | 4",
                    MQM_P + " | party | 1 | 4"), rows.subList(0, 3));
            assertTrue(rows.contains("Anees Qaim Khani | person | 1 | 0"), rows.toString());
        }

        @Test
        void filtersByKind() {
            assertEquals(List.of("MQM Central Committee | 4", MQM_P + " | 4", "Central Executive Committee | 0",
                    "Government of Pakistan | 0"), rows(run(sample, "top-entities", "kind=organization"), "name", "facts"));
            assertEquals(List.of(MQM_P), rows(run(sample, "top-entities", "kind=Party"), "name"));
            assertEquals(List.of("Pakistan", "Sindh", "Bahadurabad"), rows(run(sample, "top-entities", "kind=place"), "name"));
        }

        @Test
        void countsArticlesAcrossTheStore() {
            assertEquals(List.of(
                    "Mara Quill | 3 | 7",
                    "Green Harbour Party | 3 | 6",
                    "Tobias Fenn | 2 | 5",
                    "Otto Brannick | 2 | 4",
                    "Port Elm | 2 | 2"),
                    rows(run(synthetic, "top-entities", "minArticles=2"), "name", "articles", "facts"));
        }
    }

    @Nested
    class Articles {
        @Test
        void countsWhatWasReadFromTheSample() {
            assertEquals(List.of(SAMPLE_ID + " | 2025-02-09 |  | 13 | 4 | 8 | 8"),
                    rows(run(sample, "articles"), "articleId", "date", "headline", "entities", "roles", "statements", "events"));
        }

        @Test
        void listsArticlesNewestFirstWithinDates() {
            assertEquals(List.of("farmers-2025-03-02 | 7 | 3 | 2 | 2", "harbour-2025-01-15 | 4 | 2 | 2 | 2",
                    "harbour-2024-11-03 | 4 | 2 | 2 | 1"),
                    rows(run(synthetic, "articles"), "articleId", "entities", "roles", "statements", "events"));
            assertEquals(List.of("harbour-2024-11-03"), rows(run(synthetic, "articles", "to=2024-12-31"), "articleId"));
        }
    }

    @Nested
    class EntityFacts {
        static final String BASE = "https://w3id.org/newsgraph/";

        @Test
        void givesFarooqSattarsRoleAndStatementAsAGraph() {
            Graph g = ((QueryResult.Triples) run(sample, "entity-facts", "entity=" + BASE + "person/farooq-sattar")).graph();
            Node farooq = uri("person/farooq-sattar");
            Node role = uri("article/" + SAMPLE_ID + "/role/1");
            Node statement = uri("article/" + SAMPLE_ID + "/statement/2");
            assertTrue(g.contains(farooq, RDFS.label.asNode(), NodeFactory.createLiteralString("Farooq Sattar")));
            assertTrue(g.contains(farooq, NG.holdsRole.asNode(), role));
            assertTrue(g.contains(role, NG.title.asNode(), NodeFactory.createLiteralString("leader")));
            assertTrue(g.contains(role, NG.inOrganization.asNode(), uri("org/muttahida-qaumi-movement-pakistan")));
            assertTrue(g.contains(uri("org/muttahida-qaumi-movement-pakistan"), RDFS.label.asNode(), NodeFactory.createLiteralString(MQM_P)));
            assertTrue(g.contains(statement, NG.attributedTo.asNode(), farooq));
            assertTrue(g.contains(statement, NG.cue.asNode(), NodeFactory.createLiteralString("urge")));
            assertFalse(g.contains(uri("article/" + SAMPLE_ID + "/statement/1"), Node.ANY, Node.ANY), "Siddiqui's quote is not Sattar's");
        }

        @Test
        void anEntityNotInTheStoreGivesAnEmptyGraph() {
            assertEquals(0, run(sample, "entity-facts", "entity=" + BASE + "person/nobody").size());
        }

        private static Node uri(String path) {
            return NodeFactory.createURI(BASE + path);
        }
    }

    /** A row with the participants (third column) sorted, since GROUP_CONCAT has no order. */
    private static String sortParticipants(String row) {
        String[] cells = row.split(" \\| ", -1);
        cells[2] = String.join("; ", new TreeSet<>(List.of(cells[2].split("; "))));
        return String.join(" | ", cells);
    }
}
