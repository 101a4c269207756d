package com.quantumtrader.ai.spi;

/**
 * A strategy's parameter is missing a required shape, of the wrong type or out of bounds. The message names the
 * strategy and the field, e.g. {@code ma_crossover.fast_period: must be at most 200 but is 500}.
 */
public class InvalidStrategyParameterException extends IllegalArgumentException {

    private final String strategyId;
    private final String field;

    public InvalidStrategyParameterException(String strategyId, String field, String problem) {
        super(strategyId + "." + field + ": " + problem);
        this.strategyId = strategyId;
        this.field = field;
    }

    public String strategyId() {
        return strategyId;
    }

    public String field() {
        return field;
    }
}
