package com.quantumtrader.ai.store;

import com.quantumtrader.ai.signal.model.BarWindow;
import com.quantumtrader.core.state.KeyValueStore;

/** Each symbol's and interval's stored bar window, key {@code bars:<symbol>:<interval>}. */
public final class BarWindows {

    private final KeyValueStore state;

    public BarWindows(KeyValueStore state) {
        this.state = state;
    }

    public BarWindow load(String symbol, String interval) {
        return state.getJson(key(symbol, interval), BarWindow.class).orElseGet(BarWindow::empty);
    }

    public void save(String symbol, String interval, BarWindow window) {
        state.putJson(key(symbol, interval), window);
    }

    static String key(String symbol, String interval) {
        return "bars:" + symbol + ":" + interval;
    }
}
