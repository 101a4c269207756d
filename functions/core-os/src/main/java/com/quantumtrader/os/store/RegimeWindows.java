package com.quantumtrader.os.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.os.regime.model.RegimeWindow;

/** The regime detector's window per symbol and bar interval, under {@code regime:<symbol>:<interval>}. */
public final class RegimeWindows {

    private final KeyValueStore state;

    public RegimeWindows(KeyValueStore state) {
        this.state = state;
    }

    public RegimeWindow load(String symbol, String interval) {
        return state.getJson(key(symbol, interval), RegimeWindow.class).orElseGet(RegimeWindow::empty);
    }

    public void save(String symbol, String interval, RegimeWindow window) {
        state.putJson(key(symbol, interval), window);
    }

    static String key(String symbol, String interval) {
        return "regime:" + symbol + ":" + interval;
    }
}
