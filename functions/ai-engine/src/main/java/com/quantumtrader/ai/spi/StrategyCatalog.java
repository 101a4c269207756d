package com.quantumtrader.ai.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every {@link StrategyFactory} a class loader can see, by id: the built-in ones and those of any user jar on it.
 */
public final class StrategyCatalog {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, StrategyFactory> factories;

    private StrategyCatalog(Map<String, StrategyFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** The strategies on the AI engine's own class path. */
    public static StrategyCatalog builtIn() {
        return discover(StrategyCatalog.class.getClassLoader());
    }

    /**
     * Every factory {@link ServiceLoader} finds through {@code loader} (and its parents).
     *
     * @throws IllegalStateException when a factory cannot be loaded, has a malformed id, or two share an id
     */
    public static StrategyCatalog discover(ClassLoader loader) {
        Map<String, StrategyFactory> found = new TreeMap<>();
        try {
            for (StrategyFactory factory : ServiceLoader.load(StrategyFactory.class, loader)) {
                String id = factory.id();
                if (id == null || !ID.matcher(id).matches()) {
                    throw new IllegalStateException("strategy " + factory.getClass().getName() + " has id " + id
                            + "; an id must match " + ID);
                }
                StrategyFactory previous = found.putIfAbsent(id, factory);
                if (previous != null && previous.getClass() != factory.getClass()) {
                    throw new IllegalStateException("two strategies share the id " + id + ": "
                            + previous.getClass().getName() + " and " + factory.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a strategy could not be loaded: " + e.getMessage(), e);
        }
        return new StrategyCatalog(found);
    }

    /**
     * This catalog with {@code factory} in place of the one of the same id, when there is one: how a runtime gives a
     * discovered factory what {@link ServiceLoader}'s no-argument construction cannot (the model registry).
     */
    public StrategyCatalog replacing(StrategyFactory factory) {
        if (!factories.containsKey(factory.id())) {
            return this;
        }
        Map<String, StrategyFactory> replaced = new TreeMap<>(factories);
        replaced.put(factory.id(), factory);
        return new StrategyCatalog(replaced);
    }

    public Optional<StrategyFactory> find(String id) {
        return Optional.ofNullable(factories.get(id));
    }

    /** The factories, sorted by id. */
    public Collection<StrategyFactory> all() {
        return factories.values();
    }

    public boolean isEmpty() {
        return factories.isEmpty();
    }
}
