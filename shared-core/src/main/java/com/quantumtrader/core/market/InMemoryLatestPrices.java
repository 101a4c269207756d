package com.quantumtrader.core.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Latest prices in memory: backtests and tests. */
public final class InMemoryLatestPrices implements LatestPrices {

    private final Map<String, LatestPrice> prices = new ConcurrentHashMap<>();

    @Override
    public void recordLast(String symbol, BigDecimal price, Instant at) {
        LatestPrices.requirePrice(symbol, "last price", price);
        prices.merge(symbol, new LatestPrice(symbol, price, at, null, null, null, null, null), (old, now) ->
                new LatestPrice(symbol, price, at, old.mark(), old.markAt(), old.bid(), old.ask(), old.bookAt()));
    }

    @Override
    public void recordMark(String symbol, BigDecimal price, Instant at) {
        LatestPrices.requirePrice(symbol, "mark price", price);
        prices.merge(symbol, new LatestPrice(symbol, null, null, price, at, null, null, null), (old, now) ->
                new LatestPrice(symbol, old.last(), old.lastAt(), price, at, old.bid(), old.ask(), old.bookAt()));
    }

    @Override
    public void recordBook(String symbol, BigDecimal bid, BigDecimal ask, Instant at) {
        RedisLatestPrices.requireBook(symbol, bid, ask);
        prices.merge(symbol, new LatestPrice(symbol, null, null, null, null, bid, ask, at), (old, now) ->
                new LatestPrice(symbol, old.last(), old.lastAt(), old.mark(), old.markAt(), bid, ask, at));
    }

    @Override
    public Optional<LatestPrice> get(String symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }
}
