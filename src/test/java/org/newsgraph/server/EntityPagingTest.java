package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.get;
import static org.newsgraph.server.ServerFixtures.q;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/** The entity page of a party with 250 members: each section a page at a time, not all at once. */
class EntityPagingTest {

    private static final String PARTY = ServerFixtures.BASE + "org/big-party";
    private static final int MEMBERS = 250;
    private static GraphStore store;
    private static NewsServer server;

    @BeforeAll
    static void serve() {
        store = GraphStore.inMemory();
        DatasetGraph dsg = store.dataset();
        Node g = NodeFactory.createURI("urn:x:members");
        Node party = NodeFactory.createURI(PARTY);
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, party, RDF.type.asNode(), NG.PoliticalParty.asNode());
            dsg.add(g, party, RDFS.label.asNode(), NodeFactory.createLiteralString("Big Party"));
            for (int i = 0; i < MEMBERS; i++) {
                Node person = NodeFactory.createURI(ServerFixtures.BASE + "person/member-" + i);
                Node role = NodeFactory.createURI(ServerFixtures.BASE + "role/member-" + i);
                dsg.add(g, person, RDF.type.asNode(), NG.Person.asNode());
                dsg.add(g, person, RDFS.label.asNode(), NodeFactory.createLiteralString(String.format("Member %03d", i)));
                dsg.add(g, person, NG.holdsRole.asNode(), role);
                dsg.add(g, role, NG.title.asNode(), NodeFactory.createLiteralString("member"));
                dsg.add(g, role, NG.inOrganization.asNode(), party);
            }
        });
        server = NewsServer.builder().store(store).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    private static int rows(String html, String section) {
        int start = html.indexOf("<h2>" + section + "</h2>");
        assertTrue(start >= 0, "no section " + section + ":\n" + html);
        int end = html.indexOf("</table>", start);
        Matcher m = Pattern.compile("<tr>").matcher(html.substring(start, end));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n - 1; // the heading row
    }

    @Test
    void theWholePageShowsTheFirstHundredRowsAndLinksTheNext() {
        HttpResponse<String> r = get(server, "/entity?iri=" + q(PARTY), "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertEquals(EntityPage.PAGE_ROWS, rows(html, "Roles held in it"));
        assertTrue(html.contains("Member 000") && html.contains("Member 099") && !html.contains("Member 100"), html);
        assertTrue(html.contains("section=roles-in&amp;offset=100\">next</a>"), html);
    }

    @Test
    void aSectionPagesFromItsOffsetToTheEnd() {
        String second = get(server, "/entity?iri=" + q(PARTY) + "&section=roles-in&offset=100", "text/html").body();
        assertEquals(EntityPage.PAGE_ROWS, rows(second, "Roles held in it"));
        assertTrue(second.contains("Member 100") && second.contains("Member 199") && !second.contains("Member 099"), second);
        assertTrue(second.contains("rows 101–200"), second);
        assertTrue(second.contains("offset=0\">previous</a>") && second.contains("offset=200\">next</a>"), second);
        assertFalse(second.contains("Every triple about it"), "a section alone, without the rest of the page");

        String last = get(server, "/entity?iri=" + q(PARTY) + "&section=roles-in&offset=200", "text/html").body();
        assertEquals(MEMBERS - 200, rows(last, "Roles held in it"));
        assertFalse(last.contains(">next</a>"), last);
        assertTrue(last.contains("the whole page"), last);
    }

    @Test
    void aBadOffsetIs400AndAnUnknownSectionSaysSo() {
        for (String bad : new String[] {"-1", "x", "9223372036854775807", "1e3"}) {
            HttpResponse<String> r = get(server, "/entity?iri=" + q(PARTY) + "&section=roles-in&offset=" + q(bad), "text/html");
            assertEquals(400, r.statusCode(), bad);
        }
        String none = get(server, "/entity?iri=" + q(PARTY) + "&section=nothing", "text/html").body();
        assertTrue(none.contains("no section"), none);
    }
}
