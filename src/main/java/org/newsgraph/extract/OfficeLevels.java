package org.newsgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.error.NewsgraphException;

/**
 * The level of government each office belongs to and the bodies it sits in, from
 * {@code offices.tsv}: what lets a role whose sentence names no scope take the one its
 * article implies.
 */
final class OfficeLevels {

    /** Where an office is held. */
    enum Level { COUNTRY, PROVINCE, CITY, NONE }

    /**
     * @param level  the level of government
     * @param bodies lower-case words of the names of the bodies the office sits in
     */
    record Office(Level level, List<String> bodies) {
        Office {
            bodies = List.copyOf(bodies);
        }
    }

    private static final String RESOURCE = "offices.tsv";

    private final Map<String, Office> offices;

    private OfficeLevels(Map<String, Office> offices) {
        this.offices = Map.copyOf(offices);
    }

    /** The table that ships with newsgraph. */
    static OfficeLevels builtIn() {
        try (InputStream in = OfficeLevels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new NewsgraphException("lexicon file " + RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon file " + RESOURCE, e);
        }
    }

    static OfficeLevels parse(List<String> lines) {
        Map<String, Office> out = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 2 || f.length > 3) {
                throw new NewsgraphException(RESOURCE + ": expected a title, a level and optionally bodies: " + line);
            }
            Level level = switch (f[1].strip()) {
                case "country" -> Level.COUNTRY;
                case "province" -> Level.PROVINCE;
                case "city" -> Level.CITY;
                case "-" -> Level.NONE;
                default -> throw new NewsgraphException(RESOURCE + ": level must be country, province, city or -: " + line);
            };
            List<String> bodies = f.length == 3 && !f[2].isBlank()
                    ? List.of(f[2].strip().toLowerCase(java.util.Locale.ROOT).split("\\s*\\|\\s*")) : List.of();
            out.put(f[0].strip().toLowerCase(java.util.Locale.ROOT), new Office(level, bodies));
        }
        return new OfficeLevels(out);
    }

    /**
     * The office of a title, without "former"; an aide's is the level of the office they serve
     * ("special assistant to chief minister on health": a provincial office), without its bodies.
     */
    Optional<Office> of(String title) {
        String core = title.replaceFirst("^former ", "");
        // "* minister": the level of any minister of a portfolio the table does not list
        Optional<Office> own = Optional.ofNullable(offices.get(core))
                .or(() -> Optional.ofNullable(core.contains(" ") ? offices.get("* " + core.substring(core.lastIndexOf(' ') + 1)) : null));
        int to = core.indexOf(" to ");
        if (own.isPresent() || to < 0) {
            return own;
        }
        String principal = core.substring(to + 4).replaceFirst(" (on|for) .*$", "");
        return Optional.ofNullable(offices.get(principal)).map(o -> new Office(o.level(), List.of()));
    }
}
