package com.quantumtrader.execution;

import com.quantumtrader.events.Side;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;

/** Test data builder for {@code risk.signal.approved}: a BTCUSDT long unless told otherwise. */
public final class Approvals {

    private String signalId = "SIG-1";
    private String symbol = "BTCUSDT";
    private Side side = Side.LONG;
    private String quantity = "0.010";
    private String reference = "61200.0";
    private String stop = "60000.0";
    private String target = "63000.0";

    public static Approvals approval() {
        return new Approvals();
    }

    public Approvals signal(String id) {
        this.signalId = id;
        return this;
    }

    public Approvals symbol(String value) {
        this.symbol = value;
        return this;
    }

    Approvals side(Side value) {
        this.side = value;
        return this;
    }

    Approvals quantity(String value) {
        this.quantity = value;
        return this;
    }

    Approvals reference(String value) {
        this.reference = value;
        return this;
    }

    Approvals stop(String value) {
        this.stop = value;
        return this;
    }

    Approvals target(String value) {
        this.target = value;
        return this;
    }

    public SignalApproved build() {
        return new SignalApproved(signalId, symbol, side, new BigDecimal(quantity), new BigDecimal(reference),
                new BigDecimal(stop), new BigDecimal(target), "ma_crossover", "ma-crossover-v1");
    }
}
