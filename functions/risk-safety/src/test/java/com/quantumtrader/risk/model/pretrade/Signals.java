package com.quantumtrader.risk.model.pretrade;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;

/**
 * A consistent signal by default: BTCUSDT long at 30000, stop 600 below, target 1200 above, confidence 0.8, asking
 * for 1 BTC, from the enabled ma_crossover strategy of model-1.
 */
final class Signals {

    private String symbol = "BTCUSDT";
    private Side side = Side.LONG;
    private double confidence = 0.8;
    private String reference = "30000";
    private String stop = "29400";
    private String target = "31200";
    private String quantity = "1";
    private String strategyId = "ma_crossover";

    static Signals aLong() {
        return new Signals();
    }

    Signals symbol(String value) {
        symbol = value;
        return this;
    }

    Signals side(Side value) {
        side = value;
        return this;
    }

    Signals confidence(double value) {
        confidence = value;
        return this;
    }

    Signals prices(String referencePrice, String stopPrice, String targetPrice) {
        reference = referencePrice;
        stop = stopPrice;
        target = targetPrice;
        return this;
    }

    Signals quantity(String value) {
        quantity = value;
        return this;
    }

    Signals strategy(String value) {
        strategyId = value;
        return this;
    }

    SignalGenerated build() {
        return new SignalGenerated("sig-1", symbol, side, confidence, new BigDecimal(reference), new BigDecimal(stop),
                new BigDecimal(target), new BigDecimal(quantity), strategyId, "model-1");
    }
}
