package com.quantumtrader.events.execution;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;

/** An order that could not be placed or was rejected, with the exchange's code and message. */
public record OrderFailed(
        String signalId,
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderPurpose purpose,
        BigDecimal quantity,
        String errorCode,
        String errorMessage) {
}
