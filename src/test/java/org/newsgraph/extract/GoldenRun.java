package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Every golden folder's extraction, as one call for {@link NoModelsTest}'s class loader: only
 * JDK types cross that loader's edge.
 */
public final class GoldenRun {

    private GoldenRun() {
    }

    /** One line per golden folder: its name and "ok", or what differs from its expected.json. */
    public static List<String> checkAll() {
        List<String> out = new ArrayList<>();
        for (GoldenCase c : GoldenCase.all()) {
            out.add(c.name() + ": " + FactList.differences(c.expectedJson(), c.extract()).orElse("ok"));
        }
        return out;
    }

    /** How many statements the shipped attribution model adds, beside the rules, over every golden folder. */
    public static int learnedStatements() {
        int added = 0;
        for (GoldenCase c : GoldenCase.all()) {
            int rules = c.extract().statements().size();
            added += Extractor.create(c.lexicon(), Extractor.StatementFinders.BOTH).extract(c.article(), c.annotated())
                    .statements().size() - rules;
        }
        return added;
    }
}
