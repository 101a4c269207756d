package com.quantumtrader.risk.model.pretrade;

/** Machine-readable reason codes of {@code risk.signal.rejected}, in the order the checks run. */
public enum RejectReason {
    ESS_ACTIVE,
    CIRCUIT_BREAKER_OPEN,
    GOVERNOR_BLOCKED,
    STRATEGY_DISABLED,
    SYMBOL_NOT_IN_UNIVERSE,
    SYMBOL_NOT_TRADABLE,
    INVALID_SIGNAL,
    LOW_CONFIDENCE,
    PRICE_COLLAR,
    DAILY_LOSS_LIMIT,
    LOSS_STREAK_COOLDOWN,
    STOP_OUT_COOLDOWN,
    SIZE_TOO_SMALL,
    POSITION_ALREADY_OPEN,
    MAX_OPEN_POSITIONS,
    ORDER_RATE_LIMIT,
    SYMBOL_ORDER_RATE_LIMIT,
    MAX_POSITION_NOTIONAL,
    MAX_LEVERAGE,
    MAX_GROSS_EXPOSURE,
    MAX_NET_EXPOSURE,
    MAX_CORRELATED_EXPOSURE
}
