package com.quantumtrader.portfolio;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.OrderFilled;
import java.math.BigDecimal;
import java.time.Instant;

/** Fills as execution reports them; entries carry the stop and target of the position they open. */
final class FillBuilder {

    private final String signalId;
    private final String symbol;
    private final OrderSide side;
    private final OrderPurpose purpose;
    private String quantity = "0.1";
    private String price = "30000";
    private String fee = "0";
    private String stop;
    private String target;
    private Instant at = PortfolioFixture.START;

    private FillBuilder(String signalId, String symbol, OrderSide side, OrderPurpose purpose) {
        this.signalId = signalId;
        this.symbol = symbol;
        this.side = side;
        this.purpose = purpose;
    }

    /** An entry fill; by default for a long BTCUSDT position with the stop at 29400 and the target at 31200. */
    static FillBuilder entry(String signalId, String symbol, OrderSide side) {
        FillBuilder fill = new FillBuilder(signalId, symbol, side, OrderPurpose.ENTRY);
        fill.stop = side == OrderSide.BUY ? "29400" : "30600";
        fill.target = side == OrderSide.BUY ? "31200" : "28800";
        return fill;
    }

    static FillBuilder exit(String signalId, String symbol, OrderSide side, OrderPurpose purpose) {
        return new FillBuilder(signalId, symbol, side, purpose);
    }

    FillBuilder quantity(String value) {
        quantity = value;
        return this;
    }

    FillBuilder price(String value) {
        price = value;
        return this;
    }

    FillBuilder fee(String value) {
        fee = value;
        return this;
    }

    FillBuilder stop(String value) {
        stop = value;
        return this;
    }

    FillBuilder target(String value) {
        target = value;
        return this;
    }

    FillBuilder at(Instant value) {
        at = value;
        return this;
    }

    OrderFilled build() {
        BigDecimal qty = new BigDecimal(quantity);
        return new OrderFilled(signalId, "cid-" + signalId + "-" + purpose, symbol, side, purpose, qty, qty, true,
                new BigDecimal(price), new BigDecimal(price), new BigDecimal(fee), "USDT",
                stop == null ? null : new BigDecimal(stop), target == null ? null : new BigDecimal(target),
                "ma_crossover", "model-1", at);
    }
}
