package org.newsgraph.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date, month or year.
 *
 * @param lexical     "2025-02-08", "2025-02" or "2024"
 * @param granularity how much of the date is known
 */
public record TimeValue(String lexical, Granularity granularity) {

    /** How precise a time value is; decides its XSD datatype. */
    public enum Granularity { DAY, MONTH, YEAR }

    private static final Pattern CALENDAR = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?![\\d-]|-W)");

    /**
     * The calendar part of a TIMEX3 value as SUTime writes it: "2025-02-07TMO" is 2025-02-07,
     * "2024" is 2024; unresolved values ("XXXX-WXX-6", "PAST_REF") and weeks or seasons give nothing.
     */
    public static Optional<TimeValue> fromTimex(String value) {
        Matcher m = CALENDAR.matcher(value == null ? "" : value);
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(3) != null) {
            return Optional.of(new TimeValue(m.group(1) + "-" + m.group(2) + "-" + m.group(3), Granularity.DAY));
        }
        if (m.group(2) != null) {
            return Optional.of(new TimeValue(m.group(1) + "-" + m.group(2), Granularity.MONTH));
        }
        String rest = value.substring(4);
        if (!rest.isEmpty() && !rest.startsWith("T")) {
            return Optional.empty(); // "2024-SP" (a season), "2024-Q1": coarser than a month but not a year
        }
        return Optional.of(new TimeValue(m.group(1), Granularity.YEAR));
    }
}
