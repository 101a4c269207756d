package com.quantumtrader.risk.pretrade;

/** Machine-readable reason codes of {@code risk.signal.rejected}, in the order the checks run. */
enum RejectReason {
    ESS_ACTIVE,
    CIRCUIT_BREAKER_OPEN,
    STRATEGY_DISABLED,
    SYMBOL_NOT_IN_UNIVERSE,
    INVALID_SIGNAL,
    LOW_CONFIDENCE,
    POSITION_ALREADY_OPEN,
    MAX_OPEN_POSITIONS,
    SIZE_TOO_SMALL,
    MAX_LEVERAGE
}
