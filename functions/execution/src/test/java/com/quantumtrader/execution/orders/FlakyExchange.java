package com.quantumtrader.execution.orders;

import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import com.quantumtrader.execution.exchange.PlaceResult;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SymbolRules;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The simulated exchange behind a network that fails on cue: each scripted fault applies to the next place call,
 * either before the order reaches the exchange or after it was accepted (the answer lost). Queries can be made to
 * fail too, as when the whole exchange is unreachable.
 */
final class FlakyExchange implements ExchangePort {

    enum When { BEFORE_REACHING, AFTER_ACCEPTING }

    record Fault(When when, RuntimeException error) {
    }

    private final SimulatedExchange venue;
    private final Deque<Fault> placeFaults = new ArrayDeque<>();
    boolean unreachableForQueries;
    int placeCalls;

    FlakyExchange(SimulatedExchange venue) {
        this.venue = venue;
    }

    FlakyExchange failNextPlace(When when, RuntimeException error) {
        placeFaults.add(new Fault(when, error));
        return this;
    }

    static ExchangeUnavailableException timeout() {
        return new ExchangeUnavailableException("POST /fapi/v1/order timed out", true);
    }

    static ExchangeUnavailableException serverError() {
        return new ExchangeUnavailableException("POST /fapi/v1/order HTTP 503 Service Unavailable.", false);
    }

    @Override
    public PlaceResult place(OrderRequest request) {
        placeCalls++;
        Fault fault = placeFaults.poll();
        if (fault != null && fault.when() == When.BEFORE_REACHING) {
            throw fault.error();
        }
        PlaceResult result = venue.place(request);
        if (fault != null) {
            throw fault.error();
        }
        return result;
    }

    @Override
    public Optional<OrderStatusReport> queryOrder(String symbol, String clientOrderId) {
        unreachable();
        return venue.queryOrder(symbol, clientOrderId);
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        return venue.rules(symbol);
    }

    @Override
    public Optional<BigDecimal> lastPrice(String symbol) {
        return venue.lastPrice(symbol);
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) {
        return venue.cancel(symbol, clientOrderId);
    }

    @Override
    public List<String> openOrderIds() {
        unreachable();
        return venue.openOrderIds();
    }

    @Override
    public List<ExchangePosition> positions() {
        unreachable();
        return venue.positions();
    }

    @Override
    public List<ExecutionReport> closePosition(String symbol, String clientOrderId) {
        return venue.closePosition(symbol, clientOrderId);
    }

    private void unreachable() {
        if (unreachableForQueries) {
            throw new ExchangeUnavailableException("GET timed out", false);
        }
    }
}
