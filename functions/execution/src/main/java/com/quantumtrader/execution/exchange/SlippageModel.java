package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The price a taker gets: the base price moved against it by half the quoted spread plus a share of the bar's
 * high-low range (a wide bar means a thin, fast book), then put on the tick grid against the taker.
 *
 * <p>adverse = base * (spreadBps / 2) / 10 000 + rangeFraction * (high - low) * base / open
 */
record SlippageModel(BigDecimal baseSpreadBps, BigDecimal rangeFraction) {

    private static final BigDecimal HALF_BPS_DIVISOR = new BigDecimal("20000");
    // Rounded before the tick rounding so that a 1e-16 residue of the division never costs a whole tick.
    private static final int ADVERSE_SCALE = 12;

    BigDecimal fillPrice(BigDecimal base, OrderSide side, MarketPriceUpdate bar, SymbolRules rules) {
        BigDecimal spreadPart = base.multiply(baseSpreadBps).divide(HALF_BPS_DIVISOR);
        BigDecimal rangePart = rangeFraction.multiply(bar.high().subtract(bar.low()))
                .multiply(base.divide(bar.open(), MathContext.DECIMAL64));
        return adverse(base, spreadPart.add(rangePart), side, rules);
    }

    /**
     * The best price on the other side of the book around {@code mid}: the ask for a buyer, the bid for a seller
     * (half the spread away, on the tick grid). A limit order at or beyond it takes liquidity.
     */
    BigDecimal touch(BigDecimal mid, OrderSide side, SymbolRules rules) {
        return adverse(mid, mid.multiply(baseSpreadBps).divide(HALF_BPS_DIVISOR), side, rules);
    }

    private static BigDecimal adverse(BigDecimal base, BigDecimal amount, OrderSide side, SymbolRules rules) {
        BigDecimal adverse = amount.setScale(ADVERSE_SCALE, RoundingMode.HALF_EVEN);
        if (side == OrderSide.BUY) {
            return rules.roundPrice(base.add(adverse), RoundingMode.CEILING);
        }
        BigDecimal price = rules.roundPrice(base.subtract(adverse), RoundingMode.FLOOR);
        return price.signum() > 0 ? price : rules.tickSize();
    }
}
