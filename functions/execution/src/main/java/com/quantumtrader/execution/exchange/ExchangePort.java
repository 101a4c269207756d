package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What execution needs from an exchange: the simulated exchange and the Binance USD-M adapter implement it.
 *
 * <p>Every method may throw {@link ExchangeUnavailableException} when the exchange cannot be reached or answer
 * (timeouts, 5xx, rate limits, bans) after the adapter's own bounded retries; a business rejection is never an
 * exception but a {@link PlaceResult#rejected rejected} result.
 */
public interface ExchangePort {

    /** The contract's filters, or empty when the exchange does not list the symbol. */
    Optional<SymbolRules> rules(String symbol);

    /** The latest traded price of the symbol, or empty before the first one. */
    Optional<BigDecimal> lastPrice(String symbol);

    /** Places an order; a filter violation is a rejection with the filter's code, never an exception. */
    PlaceResult place(OrderRequest request);

    /**
     * The exchange's view of one order by its client id, fills and fees included; empty when the exchange has
     * never seen it (it was never placed, so placing it now cannot duplicate it).
     */
    Optional<OrderStatusReport> queryOrder(String symbol, String clientOrderId);

    /** Cancels a resting order; false when the exchange holds no such open order. */
    boolean cancel(String symbol, String clientOrderId);

    /** Client ids of every open order, sorted. */
    List<String> openOrderIds();

    /** Every non-flat position, sorted by symbol. */
    List<ExchangePosition> positions();

    /**
     * Closes the whole position of a symbol now with a reduce-only market order (several when the position is
     * larger than the contract's largest market order, reported together under {@code clientOrderId}).
     * Returns its execution reports; none when the symbol is already flat.
     */
    List<ExecutionReport> closePosition(String symbol, String clientOrderId);
}
