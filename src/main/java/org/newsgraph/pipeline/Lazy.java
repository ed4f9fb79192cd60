package org.newsgraph.pipeline;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, at most once, whichever thread asks first: how the converter, and
 * with it the NLP models, is loaded only when an article needs it.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private T value;

    private Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    /** {@code make} itself when it is a {@code Lazy} already, else {@code make} wrapped. */
    @SuppressWarnings("unchecked")
    public static <T> Lazy<T> of(Supplier<? extends T> make) {
        return make instanceof Lazy<?> lazy ? (Lazy<T>) lazy : new Lazy<>(make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(make.get(), "the value made");
        }
        return value;
    }
}
