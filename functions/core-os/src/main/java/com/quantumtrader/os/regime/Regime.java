package com.quantumtrader.os.regime;

/** A symbol's market regime, as {@code os.regime.changed} names it. */
enum Regime {
    TRENDING_UP,
    TRENDING_DOWN,
    RANGING,
    VOLATILE
}
