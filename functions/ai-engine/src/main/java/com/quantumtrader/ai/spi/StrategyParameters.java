package com.quantumtrader.ai.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy's validated parameters, every declared one present (defaults filled in), typed. Immutable; equal
 * parameters compare equal, so the engine can reuse a strategy instance while its parameters stay the same.
 */
public final class StrategyParameters {

    private final String strategyId;
    private final Map<String, Object> values;

    private StrategyParameters(String strategyId, Map<String, Object> values) {
        this.strategyId = strategyId;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates {@code raw} against {@code specs}: unknown names, wrong types (a fractional number for an integer,
     * text for a number …) and values outside the bounds are refused, naming the field.
     *
     * @param raw name to value as JSON gives them (Number, Boolean, String); null or empty for all defaults
     */
    public static StrategyParameters of(String strategyId, List<ParameterSpec> specs, Map<String, ?> raw) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        Map<String, Object> values = new TreeMap<>();
        for (String name : new TreeMap<>(given).keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(name))) {
                throw new InvalidStrategyParameterException(strategyId, name, "unknown parameter; known: "
                        + specs.stream().map(ParameterSpec::name).sorted().toList());
            }
        }
        for (ParameterSpec spec : specs) {
            Object value = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue();
            values.put(spec.name(), typed(strategyId, spec, value));
        }
        return new StrategyParameters(strategyId, values);
    }

    private static Object typed(String strategyId, ParameterSpec spec, Object value) {
        String field = spec.name();
        switch (spec.type()) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                throw new InvalidStrategyParameterException(strategyId, field, "must be true or false but is "
                        + value);
            }
            case TEXT -> {
                if (value instanceof String s && !s.isBlank()) {
                    return s;
                }
                throw new InvalidStrategyParameterException(strategyId, field, "must be a non-empty text but is "
                        + value);
            }
            case INTEGER -> {
                BigDecimal number = number(strategyId, field, value);
                if (number.stripTrailingZeros().scale() > 0) {
                    throw new InvalidStrategyParameterException(strategyId, field, "must be a whole number but is "
                            + value);
                }
                inBounds(strategyId, spec, number);
                return number.intValueExact();
            }
            case DECIMAL -> {
                BigDecimal number = number(strategyId, field, value);
                inBounds(strategyId, spec, number);
                return number.doubleValue();
            }
            default -> throw new IllegalStateException("unknown type " + spec.type());
        }
    }

    private static BigDecimal number(String strategyId, String field, Object value) {
        if (value instanceof Number n && !(value instanceof Double d && !Double.isFinite(d))) {
            return new BigDecimal(n.toString());
        }
        throw new InvalidStrategyParameterException(strategyId, field, "must be a number but is " + value);
    }

    private static void inBounds(String strategyId, ParameterSpec spec, BigDecimal number) {
        if (spec.min() != null && number.compareTo(BigDecimal.valueOf(spec.min())) < 0) {
            throw new InvalidStrategyParameterException(strategyId, spec.name(), "must be at least "
                    + plain(spec.min()) + " but is " + number.toPlainString());
        }
        if (spec.max() != null && number.compareTo(BigDecimal.valueOf(spec.max())) > 0) {
            throw new InvalidStrategyParameterException(strategyId, spec.name(), "must be at most "
                    + plain(spec.max()) + " but is " + number.toPlainString());
        }
    }

    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    public String strategyId() {
        return strategyId;
    }

    public int integer(String name) {
        return (Integer) value(name);
    }

    public double decimal(String name) {
        return (Double) value(name);
    }

    public boolean flag(String name) {
        return (Boolean) value(name);
    }

    public String text(String name) {
        return (String) value(name);
    }

    /** Every parameter, sorted by name: what the engine logs and a report shows. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(strategyId + " declares no parameter " + name);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StrategyParameters p && p.strategyId.equals(strategyId) && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return strategyId.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return strategyId + values;
    }
}
