package com.quantumtrader.core.memo;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

/**
 * A number computed from two consecutive elements of a window that slides one element at a time (a bar's return
 * from two closes), remembered by the two element instances. A window kept in memory hands the same instances
 * bar after bar, so each step is computed once instead of once per bar it stays in the window; windows read back
 * from Redis are new instances and simply miss. The elements must be immutable and the function pure: then a hit
 * returns exactly what computing would, and no result changes.
 *
 * @param <T> the window's elements
 */
public final class StepMemo<T> {

    private final int capacity;
    private final ToDoubleBiFunction<T, T> function;
    private final Map<T, Step<T>> byCurrent = new IdentityHashMap<>();

    private record Step<T>(T previous, double value) {
    }

    /** @param capacity steps remembered before the memo starts over (a few per symbol and window length) */
    public StepMemo(int capacity, ToDoubleBiFunction<T, T> function) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive but is " + capacity);
        }
        this.capacity = capacity;
        this.function = Objects.requireNonNull(function, "function");
    }

    /** {@code function(previous, current)}, computed once per pair of instances. */
    public synchronized double apply(T previous, T current) {
        Step<T> step = byCurrent.get(current);
        if (step != null && step.previous() == previous) {
            return step.value();
        }
        double value = function.applyAsDouble(previous, current);
        if (byCurrent.size() >= capacity) {
            byCurrent.clear();
        }
        byCurrent.put(current, new Step<>(previous, value));
        return value;
    }

    /** Steps remembered now (for tests). */
    public synchronized int size() {
        return byCurrent.size();
    }
}
