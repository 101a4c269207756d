package com.quantumtrader.ai.signal.model;

import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;

/** What a closed bar must satisfy before it enters a window: positive prices, the close inside its range. */
public final class BarChecks {

    private BarChecks() {
    }

    /** @throws MalformedEventException naming the bar and what is wrong with it */
    public static void requireConsistent(MarketPriceUpdate bar) {
        if (bar.close().signum() <= 0 || bar.low().signum() <= 0) {
            throw new MalformedEventException("bar " + bar.symbol() + " " + bar.closeTime()
                    + " has a non-positive price");
        }
        if (bar.high().compareTo(bar.low()) < 0 || bar.close().compareTo(bar.high()) > 0
                || bar.close().compareTo(bar.low()) < 0) {
            throw new MalformedEventException("bar " + bar.symbol() + " " + bar.closeTime()
                    + " is inconsistent: close " + bar.close() + " outside low " + bar.low() + " .. high "
                    + bar.high());
        }
    }

    /** The bar as a window keeps it. */
    public static BarWindow.Point point(MarketPriceUpdate bar) {
        return new BarWindow.Point(bar.closeTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }
}
