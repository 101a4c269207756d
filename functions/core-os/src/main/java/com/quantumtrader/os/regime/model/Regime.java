package com.quantumtrader.os.regime.model;

/** A symbol's market regime, as {@code os.regime.changed} names it. */
public enum Regime {
    TRENDING_UP,
    TRENDING_DOWN,
    RANGING,
    VOLATILE
}
