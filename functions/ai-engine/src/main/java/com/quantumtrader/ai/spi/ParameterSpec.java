package com.quantumtrader.ai.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a strategy takes: its name in the policy, its type, default and (for numbers) inclusive bounds.
 *
 * @param name         {@code [a-z][a-z0-9_]*}, e.g. {@code fast_period}
 * @param type         how the policy writes it
 * @param defaultValue used when the policy leaves it out: an Integer, Double, Boolean or String matching {@code type}
 * @param min          lowest allowed value of a number, null when unbounded
 * @param max          highest allowed value of a number, null when unbounded
 * @param description  one line for humans (shown in validation errors and the README)
 */
public record ParameterSpec(String name, Type type, Object defaultValue, Double min, Double max,
                            String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public enum Type { INTEGER, DECIMAL, BOOLEAN, TEXT }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, () -> name + ": default");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name " + name + " must match " + NAME);
        }
        description = description == null ? "" : description;
    }

    public static ParameterSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, Type.INTEGER, defaultValue, (double) min, (double) max, description);
    }

    public static ParameterSpec decimal(String name, double defaultValue, double min, double max,
                                        String description) {
        return new ParameterSpec(name, Type.DECIMAL, defaultValue, min, max, description);
    }

    public static ParameterSpec flag(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, Type.BOOLEAN, defaultValue, null, null, description);
    }

    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Type.TEXT, defaultValue, null, null, description);
    }
}
