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
}
