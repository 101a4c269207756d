package com.quantumtrader.core.ml.labels;

/** Which way a binary label looks: one model per direction. */
public enum Direction {
    LONG, SHORT;

    public static Direction parse(String text) {
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction '" + text + "' is not long or short");
    }
}
