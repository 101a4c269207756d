package com.quantumtrader.core.market;

import com.quantumtrader.core.redis.RedisConnections;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Latest prices in Redis, one hash per symbol under {@code market:prices:<SYMBOL>} (fields {@code last},
 * {@code last_at}, {@code mark}, {@code mark_at}, {@code bid}, {@code ask}, {@code book_at}; times in epoch
 * milliseconds). Outside every domain's prefix: a shared fact, not a domain's state. Each write is one HSET, so
 * a reader never sees a bid without its ask.
 */
public final class RedisLatestPrices implements LatestPrices {

    static final String PREFIX = "market:prices:";

    private final RedisCommands<String, String> redis;

    public RedisLatestPrices(RedisConnections connections) {
        this.redis = Objects.requireNonNull(connections, "connections").connection().sync();
    }

    @Override
    public void recordLast(String symbol, BigDecimal price, Instant at) {
        LatestPrices.requirePrice(symbol, "last price", price);
        redis.hset(PREFIX + symbol, Map.of("last", price.toPlainString(), "last_at", millis(at)));
    }

    @Override
    public void recordMark(String symbol, BigDecimal price, Instant at) {
        LatestPrices.requirePrice(symbol, "mark price", price);
        redis.hset(PREFIX + symbol, Map.of("mark", price.toPlainString(), "mark_at", millis(at)));
    }

    @Override
    public void recordBook(String symbol, BigDecimal bid, BigDecimal ask, Instant at) {
        requireBook(symbol, bid, ask);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bid", bid.toPlainString());
        fields.put("ask", ask.toPlainString());
        fields.put("book_at", millis(at));
        redis.hset(PREFIX + symbol, fields);
    }

    @Override
    public Optional<LatestPrice> get(String symbol) {
        Map<String, String> fields = redis.hgetall(PREFIX + symbol);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LatestPrice(symbol, decimal(fields.get("last")), instant(fields.get("last_at")),
                decimal(fields.get("mark")), instant(fields.get("mark_at")), decimal(fields.get("bid")),
                decimal(fields.get("ask")), instant(fields.get("book_at"))));
    }

    static void requireBook(String symbol, BigDecimal bid, BigDecimal ask) {
        LatestPrices.requirePrice(symbol, "bid", bid);
        LatestPrices.requirePrice(symbol, "ask", ask);
        if (ask.compareTo(bid) < 0) {
            throw new IllegalArgumentException(symbol + " ask " + ask.toPlainString() + " is below the bid "
                    + bid.toPlainString());
        }
    }

    private static String millis(Instant at) {
        return Long.toString(Objects.requireNonNull(at, "time").toEpochMilli());
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
