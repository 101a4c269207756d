package com.quantumtrader.execution.policy;

import java.math.BigDecimal;

/**
 * How execution watches its slippage and adapts (the seed's AELM).
 *
 * @param slippageWindowOrders entry fills per symbol in the rolling slippage average; the average
 *                             counts once the window is half full
 * @param slippageHighBps      rolling average adverse slippage above which {@code execution.slippage.high} is raised
 *                             and, when adaptive entries are on, entries switch to limit IOC orders
 * @param slippageRecoverBps   the average at or below which the symbol counts as recovered and entries go back to
 *                             market orders; at most {@code slippageHighBps}, the gap is the hysteresis
 * @param adaptiveEntry        what entries become while slippage is high: {@code LIMIT_IOC}, or {@code OFF} to keep
 *                             market orders and only alert
 * @param limitOffsetBps       how far beyond the signal's reference price a limit IOC entry may trade, in basis
 *                             points: a buy's limit is reference x (1 + offset), a sell's x (1 - offset)
 * @param largeMoveBps         a live feed publishes {@code market.price.update} (LARGE_MOVE) when a symbol's open bar
 *                             moves this far from the last published price, in basis points; 0 = bar closes only
 * @param maxOrderNotional     execution's own cap on one entry's notional at the last price it knows, in USDT: a
 *                             backstop below risk
 * @param maxPositionNotional  execution's own cap on a symbol's position notional once an entry fills, in USDT
 * @param maxPriceDeviationBps an entry priced further than this from the last price execution knows is refused, in
 *                             basis points
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

    /** Where the values of omitted optional fields are written: {@code policy/execution.schema.json}. */
    private static final String FIELD = "/properties/execution/properties/";
    static final BigDecimal DEFAULT_LARGE_MOVE_BPS =
            ExecutionPolicySection.FRAGMENT.decimalDefault(FIELD + "large_move_bps");
    static final BigDecimal DEFAULT_MAX_ORDER_NOTIONAL =
            ExecutionPolicySection.FRAGMENT.decimalDefault(FIELD + "max_order_notional");
    static final BigDecimal DEFAULT_MAX_POSITION_NOTIONAL =
            ExecutionPolicySection.FRAGMENT.decimalDefault(FIELD + "max_position_notional");
    static final BigDecimal DEFAULT_MAX_PRICE_DEVIATION_BPS =
            ExecutionPolicySection.FRAGMENT.decimalDefault(FIELD + "max_price_deviation_bps");

    /** The shipped value, also taken when a document omits the section. */
    public static final ExecutionPolicy DEFAULTS =
            ExecutionPolicySection.FRAGMENT.shippedDefault("execution", ExecutionPolicy.class);

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
