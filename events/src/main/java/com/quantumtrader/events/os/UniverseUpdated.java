package com.quantumtrader.events.os;

import java.util.List;

/** The active trading universe. */
public record UniverseUpdated(
        List<String> symbols,
        String reason) {
}
