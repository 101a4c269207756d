package com.quantumtrader.learning.testing;

import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Closed trades for tests: numbered ids, one hour apart, 100 USDT of P&L per R. */
public final class Trades {

    private final String strategyId;
    private final String modelId;
    private int count;

    public Trades(String strategyId, String modelId) {
        this.strategyId = strategyId;
        this.modelId = modelId;
    }

    /** The next trade, closing {@code count} hours after START. */
    public TradeClosed next(Side side, String rMultiple) {
        count++;
        return at(count, side, rMultiple, DomainFixture.START.plus(Duration.ofHours(count)));
    }

    public TradeClosed next(boolean win) {
        return next(Side.LONG, win ? "1.5" : "-1");
    }

    public TradeClosed at(int number, Side side, String rMultiple, Instant closedAt) {
        BigDecimal r = new BigDecimal(rMultiple);
        return new TradeClosed(strategyId + "-trade-" + number, "ETHUSDT", side, new BigDecimal("1.5"),
                new BigDecimal("2000"), new BigDecimal("2000").add(r.multiply(new BigDecimal("66.67"))),
                closedAt.minus(Duration.ofMinutes(30)), closedAt, new BigDecimal("1.2"), BigDecimal.ZERO,
                r.multiply(new BigDecimal("100")), r, r.signum() > 0 ? "TAKE_PROFIT" : "STOP_LOSS",
                "sig-" + strategyId + "-" + number, strategyId, modelId);
    }
}
