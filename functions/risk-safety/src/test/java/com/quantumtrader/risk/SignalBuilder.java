package com.quantumtrader.risk;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;

/**
 * A consistent signal by default: BTCUSDT long at 30000 with the stop 600 below and the target 1200 above,
 * confidence 0.8, asking for 1 BTC, from the enabled ma_crossover strategy.
 */
final class SignalBuilder {

    private static int sequence;

    private String signalId = "sig-" + (++sequence);
    private String symbol = "BTCUSDT";
    private Side side = Side.LONG;
    private double confidence = 0.8;
    private String reference = "30000";
    private String stop = "29400";
    private String target = "31200";
    private String quantity = "1";
    private String strategyId = "ma_crossover";

    static SignalBuilder aSignal() {
        return new SignalBuilder();
    }

    /**
     * A consistent long signal on {@code symbol} at {@code reference}, stop 2 % below, target 4 % above, asking for
     * more than any limit allows so the limits decide the size.
     */
    static SignalBuilder aLongOn(String symbol, String reference) {
        BigDecimal ref = new BigDecimal(reference);
        return aSignal().symbol(symbol).reference(reference)
                .stop(ref.multiply(new BigDecimal("0.98")).toPlainString())
                .target(ref.multiply(new BigDecimal("1.04")).toPlainString()).quantity("1000000");
    }

    /** The mirror of {@link #aLongOn}: a short with the stop 2 % above and the target 4 % below. */
    static SignalBuilder aShortOn(String symbol, String reference) {
        BigDecimal ref = new BigDecimal(reference);
        return aSignal().symbol(symbol).side(Side.SHORT).reference(reference)
                .stop(ref.multiply(new BigDecimal("1.02")).toPlainString())
                .target(ref.multiply(new BigDecimal("0.96")).toPlainString()).quantity("1000000");
    }

    SignalBuilder id(String value) {
        signalId = value;
        return this;
    }

    SignalBuilder symbol(String value) {
        symbol = value;
        return this;
    }

    SignalBuilder side(Side value) {
        side = value;
        return this;
    }

    SignalBuilder confidence(double value) {
        confidence = value;
        return this;
    }

    SignalBuilder reference(String value) {
        reference = value;
        return this;
    }

    SignalBuilder stop(String value) {
        stop = value;
        return this;
    }

    SignalBuilder target(String value) {
        target = value;
        return this;
    }

    SignalBuilder quantity(String value) {
        quantity = value;
        return this;
    }

    SignalBuilder strategy(String value) {
        strategyId = value;
        return this;
    }

    SignalGenerated build() {
        return new SignalGenerated(signalId, symbol, side, confidence, decimal(reference), decimal(stop),
                decimal(target), decimal(quantity), strategyId, "model-1");
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
