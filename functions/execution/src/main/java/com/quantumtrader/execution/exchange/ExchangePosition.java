package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;

/** A net position on one contract (one-way mode): positive quantity is long, negative short. */
public record ExchangePosition(String symbol, BigDecimal quantity) {

    public boolean flat() {
        return quantity.signum() == 0;
    }
}
