package org.newsgraph.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened: "farmers blocked the ring road on Tuesday".
 *
 * @param trigger      the word that says what happened, as written ("blocked")
 * @param date         when, if the text says
 * @param participants the persons and organizations taking part
 * @param place        where, if the text says
 */
public record EventFact(String trigger, Optional<TimeValue> date, List<Entity> participants,
                        Optional<Entity> place, Evidence evidence, double confidence) implements Fact {

    public EventFact {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(evidence, "evidence");
        participants = List.copyOf(participants);
        if (trigger == null || trigger.isBlank()) {
            throw new IllegalArgumentException("event trigger is blank");
        }
    }
}
