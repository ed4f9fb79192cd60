package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsgraph.extract.Entity;
import org.newsgraph.extract.EntityKind;

class IriMinterTest {

    private final IriMinter iris = IriMinter.standard();

    private static Entity person(String name) {
        return new Entity(EntityKind.PERSON, name, Set.of(), false, Optional.empty());
    }

    @Test
    void sameNameGivesSameIriWhateverItsSpelling() {
        assertEquals(iris.entity(person("Jane Doe")), iris.entity(person("jane  doe")));
        assertEquals("https://w3id.org/newsgraph/person/jane-doe", iris.entity(person("Jane Doe")).getURI());
    }

    @Test
    void kindsAreKeptApart() {
        Entity place = new Entity(EntityKind.PLACE, "Georgia", Set.of(), false, Optional.empty());
        assertNotEquals(iris.entity(person("Georgia")), iris.entity(place));
    }

    @Test
    void articleIriEndsInTheArticleId() {
        String iri = iris.article("news-2025-02-09").getURI();
        assertTrue(iri.endsWith("/news-2025-02-09"), iri);
    }

    @Test
    void nonLatinNamesStayReadableAndNamesWithoutLettersGetADigest() {
        assertTrue(iris.entity(person("عمران خان")).getURI().startsWith("https://w3id.org/newsgraph/person/"));
        String digest = iris.entity(person("***")).getURI();
        assertTrue(digest.matches(".*/person/x[0-9a-f]{16}"), digest);
    }

    @Test
    void baseMustEndInSlashOrHash() {
        assertThrows(IllegalArgumentException.class, () -> new IriMinter("https://example.org/kg"));
        assertEquals("https://example.org/kg#article/a", new IriMinter("https://example.org/kg#").article("a").getURI());
    }
}
