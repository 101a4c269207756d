package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What execution needs from an exchange. The simulated exchange implements it now; the Binance USD-M adapter
 * implements it later, with fills arriving from the user-data stream instead of from bars.
 */
public interface ExchangePort {

    /** The contract's filters, or empty when the exchange does not list the symbol. */
    Optional<SymbolRules> rules(String symbol);

    /** The latest traded price of the symbol, or empty before the first one. */
    Optional<BigDecimal> lastPrice(String symbol);

    /** Places an order; a filter violation is a rejection with the filter's code, never an exception. */
    PlaceResult place(OrderRequest request);

    /** Cancels a resting order; false when the exchange holds no such open order. */
    boolean cancel(String symbol, String clientOrderId);

    /** Client ids of every open order, sorted. */
    List<String> openOrderIds();

    /** Every non-flat position, sorted by symbol. */
    List<ExchangePosition> positions();

    /**
     * Closes the whole position of a symbol now with a reduce-only market order (Binance's closePosition).
     * Returns its execution reports; none when the symbol is already flat.
     */
    List<ExecutionReport> closePosition(String symbol, String clientOrderId);
}
