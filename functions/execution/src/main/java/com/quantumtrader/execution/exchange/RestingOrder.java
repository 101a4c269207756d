package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.OrderSide;
import com.quantumtrader.execution.Bar;
import java.math.BigDecimal;

/** An order the simulated exchange holds: a market order waiting for the next bar, or an untriggered stop. */
record RestingOrder(
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        boolean reduceOnly,
        BigDecimal filledQuantity) {

    static RestingOrder of(OrderRequest request) {
        return new RestingOrder(request.clientOrderId(), request.symbol(), request.side(), request.type(),
                request.quantity(), request.triggerPrice(), request.reduceOnly(), BigDecimal.ZERO);
    }

    BigDecimal remaining() {
        return quantity.subtract(filledQuantity);
    }

    RestingOrder filled(BigDecimal more) {
        return new RestingOrder(clientOrderId, symbol, side, type, quantity, triggerPrice, reduceOnly,
                filledQuantity.add(more));
    }

    /** Does this bar's range reach the trigger? */
    boolean triggeredBy(Bar bar) {
        boolean sellsBelow = (type == OrderType.STOP_MARKET) == (side == OrderSide.SELL);
        return sellsBelow ? bar.low().compareTo(triggerPrice) <= 0 : bar.high().compareTo(triggerPrice) >= 0;
    }

    /**
     * The price the triggered order executes from: its trigger, or the bar's open when the bar opened beyond the
     * trigger (a gap fills at the open, not at a price that never traded).
     */
    BigDecimal triggeredBasePrice(Bar bar) {
        boolean sellsBelow = (type == OrderType.STOP_MARKET) == (side == OrderSide.SELL);
        boolean gapped = sellsBelow ? bar.open().compareTo(triggerPrice) <= 0 : bar.open().compareTo(triggerPrice) >= 0;
        return gapped ? bar.open() : triggerPrice;
    }
}
