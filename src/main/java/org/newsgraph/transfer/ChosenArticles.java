package org.newsgraph.transfer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.store.GraphStore;

/** The articles an export or a push works on: the ones asked for, or all, checked against the store. */
final class ChosenArticles {

    private ChosenArticles() {
    }

    /**
     * The ids of {@code asked} (every stored article when empty), sorted and distinct.
     *
     * @throws NewsgraphException naming every asked id the store lacks; {@code what} says what
     *                            did not happen ("exported", "pushed")
     */
    static List<String> of(GraphStore store, Collection<String> asked, String what) {
        Set<String> stored = store.articleIds();
        Collection<String> ids = asked.isEmpty() ? stored : asked;
        List<String> missing = ids.stream().filter(id -> !stored.contains(id)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new BadInputException("not in " + store + ": article" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; nothing was " + what);
        }
        return ids.stream().sorted().distinct().toList();
    }
}
