package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order the simulated exchange holds: a market order waiting for the next bar, an untriggered stop, or a limit
 * order waiting to arrive or resting on the book.
 *
 * @param liveAt when the matching engine sees it (placement plus latency); null when it was live at once
 * @param onBook a LIMIT order that arrived, did not trade (all) and now rests as a maker order
 */
record RestingOrder(
        String clientOrderId,
        String symbol,
        OrderSide side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal triggerPrice,
        boolean reduceOnly,
        BigDecimal filledQuantity,
        BigDecimal limitPrice,
        TimeInForce timeInForce,
        Instant liveAt,
        boolean onBook) {

    RestingOrder(String clientOrderId, String symbol, OrderSide side, OrderType type, BigDecimal quantity,
                 BigDecimal triggerPrice, boolean reduceOnly, BigDecimal filledQuantity) {
        this(clientOrderId, symbol, side, type, quantity, triggerPrice, reduceOnly, filledQuantity, null, null, null,
                false);
    }

    static RestingOrder of(OrderRequest request, Instant liveAt) {
        return new RestingOrder(request.clientOrderId(), request.symbol(), request.side(), request.type(),
                request.quantity(), request.triggerPrice(), request.reduceOnly(), BigDecimal.ZERO, request.limitPrice(),
                request.timeInForce(), liveAt, false);
    }

    BigDecimal remaining() {
        return quantity.subtract(filledQuantity);
    }

    RestingOrder filled(BigDecimal more) {
        return new RestingOrder(clientOrderId, symbol, side, type, quantity, triggerPrice, reduceOnly,
                filledQuantity.add(more), limitPrice, timeInForce, liveAt, onBook);
    }

    RestingOrder restingOnBook() {
        return new RestingOrder(clientOrderId, symbol, side, type, quantity, triggerPrice, reduceOnly, filledQuantity,
                limitPrice, timeInForce, liveAt, true);
    }

    /** Has the matching engine seen it before this bar closed? (One arriving later waits for a later bar.) */
    boolean liveDuring(MarketPriceUpdate bar) {
        return liveAt == null || liveAt.isBefore(bar.closeTime());
    }

    /** When, within this bar, it reached the matching engine: the bar's open, or later when latency delayed it. */
    Instant arrivalIn(MarketPriceUpdate bar) {
        return liveAt == null || !liveAt.isAfter(bar.openTime()) ? bar.openTime() : liveAt;
    }

    /** Does this bar's range reach the trigger? */
    boolean triggeredBy(MarketPriceUpdate bar) {
        boolean sellsBelow = (type == OrderType.STOP_MARKET) == (side == OrderSide.SELL);
        return sellsBelow ? bar.low().compareTo(triggerPrice) <= 0 : bar.high().compareTo(triggerPrice) >= 0;
    }

    /**
     * The price the triggered order executes from: its trigger, or the bar's open when the bar opened beyond the
     * trigger (a gap fills at the open, not at a price that never traded).
     */
    BigDecimal triggeredBasePrice(MarketPriceUpdate bar) {
        return openedBeyondTrigger(bar) ? bar.open() : triggerPrice;
    }

    private boolean openedBeyondTrigger(MarketPriceUpdate bar) {
        boolean sellsBelow = (type == OrderType.STOP_MARKET) == (side == OrderSide.SELL);
        return sellsBelow ? bar.open().compareTo(triggerPrice) <= 0 : bar.open().compareTo(triggerPrice) >= 0;
    }

    /**
     * When a triggered order traded: at its arrival in the bar when the bar opened beyond the trigger (it fills at
     * the open), else at the bar's close, the earliest time the bar's range is known to have reached the trigger
     * (OHLC has no path inside the bar).
     */
    Instant triggeredAt(MarketPriceUpdate bar) {
        return openedBeyondTrigger(bar) ? arrivalIn(bar) : bar.closeTime();
    }

    /**
     * A resting limit order is hit when the bar trades through its price, not merely touches it: a touch may have
     * traded only the queue ahead of it.
     */
    boolean tradedThroughBy(MarketPriceUpdate bar) {
        return side == OrderSide.BUY ? bar.low().compareTo(limitPrice) < 0 : bar.high().compareTo(limitPrice) > 0;
    }

    /** Is {@code price} at or better than the limit for this side? */
    boolean withinLimit(BigDecimal price) {
        return side == OrderSide.BUY ? price.compareTo(limitPrice) <= 0 : price.compareTo(limitPrice) >= 0;
    }
}
