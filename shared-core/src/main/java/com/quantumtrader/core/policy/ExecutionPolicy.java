package com.quantumtrader.core.policy;

import java.math.BigDecimal;

/**
 * How execution watches its slippage and adapts (the seed's AELM).
 *
 * @param slippageWindowOrders entry fills per symbol in the rolling slippage average (default 10); the average
 *                             counts once the window is half full
 * @param slippageHighBps      rolling average adverse slippage above which {@code execution.slippage.high} is raised
 *                             and, when adaptive entries are on, entries switch to limit IOC orders (default 15)
 * @param slippageRecoverBps   the average at or below which the symbol counts as recovered and entries go back to
 *                             market orders; at most {@code slippageHighBps}, the gap is the hysteresis (default 8)
 * @param adaptiveEntry        what entries become while slippage is high: {@code LIMIT_IOC}, or {@code OFF} to keep
 *                             market orders and only alert (default LIMIT_IOC)
 * @param limitOffsetBps       how far beyond the signal's reference price a limit IOC entry may trade, in basis
 *                             points: a buy's limit is reference x (1 + offset), a sell's x (1 - offset) (default 10)
 * @param largeMoveBps         a live feed publishes {@code market.price.update} (LARGE_MOVE) when a symbol's open bar
 *                             moves this far from the last published price, in basis points; 0 = bar closes only
 *                             (default 100; optional in the document, so older policies stay valid)
 * @param maxOrderNotional     execution's own cap on one entry's notional at the last price it knows, in USDT: a
 *                             backstop below risk (default 25000; optional)
 * @param maxPositionNotional  execution's own cap on a symbol's position notional once an entry fills, in USDT
 *                             (default 50000; optional)
 * @param maxPriceDeviationBps an entry priced further than this from the last price execution knows is refused, in
 *                             basis points (default 500; optional)
 */
public record ExecutionPolicy(
        int slippageWindowOrders,
        BigDecimal slippageHighBps,
        BigDecimal slippageRecoverBps,
        AdaptiveEntry adaptiveEntry,
        BigDecimal limitOffsetBps,
        BigDecimal largeMoveBps,
        BigDecimal maxOrderNotional,
        BigDecimal maxPositionNotional,
        BigDecimal maxPriceDeviationBps) {

    static final BigDecimal DEFAULT_LARGE_MOVE_BPS = new BigDecimal("100");
    static final BigDecimal DEFAULT_MAX_ORDER_NOTIONAL = new BigDecimal("25000");
    static final BigDecimal DEFAULT_MAX_POSITION_NOTIONAL = new BigDecimal("50000");
    static final BigDecimal DEFAULT_MAX_PRICE_DEVIATION_BPS = new BigDecimal("500");

    public static final ExecutionPolicy DEFAULTS = new ExecutionPolicy(10, new BigDecimal("15"), new BigDecimal("8"),
            AdaptiveEntry.LIMIT_IOC, new BigDecimal("10"), DEFAULT_LARGE_MOVE_BPS);

    public ExecutionPolicy {
        largeMoveBps = largeMoveBps == null ? DEFAULT_LARGE_MOVE_BPS : largeMoveBps;
        maxOrderNotional = maxOrderNotional == null ? DEFAULT_MAX_ORDER_NOTIONAL : maxOrderNotional;
        maxPositionNotional = maxPositionNotional == null ? DEFAULT_MAX_POSITION_NOTIONAL : maxPositionNotional;
        maxPriceDeviationBps = maxPriceDeviationBps == null ? DEFAULT_MAX_PRICE_DEVIATION_BPS : maxPriceDeviationBps;
    }

    public ExecutionPolicy(int slippageWindowOrders, BigDecimal slippageHighBps, BigDecimal slippageRecoverBps,
                           AdaptiveEntry adaptiveEntry, BigDecimal limitOffsetBps, BigDecimal largeMoveBps) {
        this(slippageWindowOrders, slippageHighBps, slippageRecoverBps, adaptiveEntry, limitOffsetBps, largeMoveBps,
                null, null, null);
    }

    /** The same slippage settings with execution's own order guard set. */
    public ExecutionPolicy withOrderGuard(BigDecimal orderNotional, BigDecimal positionNotional,
                                          BigDecimal priceDeviationBps) {
        return new ExecutionPolicy(slippageWindowOrders, slippageHighBps, slippageRecoverBps, adaptiveEntry,
                limitOffsetBps, largeMoveBps, orderNotional, positionNotional, priceDeviationBps);
    }

    public ExecutionPolicy(int slippageWindowOrders, BigDecimal slippageHighBps, BigDecimal slippageRecoverBps,
                           AdaptiveEntry adaptiveEntry, BigDecimal limitOffsetBps) {
        this(slippageWindowOrders, slippageHighBps, slippageRecoverBps, adaptiveEntry, limitOffsetBps, null, null, null,
                null);
    }

    /** What entries become while a symbol's slippage is high. */
    public enum AdaptiveEntry {
        /** Keep market orders; only alert. */
        OFF,
        /** Immediate-or-cancel limit orders at a price bounded by {@code limitOffsetBps}. */
        LIMIT_IOC
    }
}
