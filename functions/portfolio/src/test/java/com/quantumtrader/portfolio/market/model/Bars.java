package com.quantumtrader.portfolio.market.model;

import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Fixture builder: a symbol's history of hourly bar closes, built by the model itself (no store). */
public final class Bars {

    public static final Instant FIRST_CLOSE = Instant.parse("2024-03-01T01:00:00Z");

    private Bars() {
    }

    /** Hourly bars closing at {@code closes}, each with high = low = close and {@code volume}. */
    public static SymbolHistory hourly(String symbol, String volume, String... closes) {
        SymbolHistory history = SymbolHistory.empty(symbol);
        for (int i = 0; i < closes.length; i++) {
            history = history.after(bar(symbol, FIRST_CLOSE.plus(Duration.ofHours(i)), closes[i], volume,
                    MarketPriceUpdate.BAR_CLOSE), 14, 49).orElseThrow();
        }
        return history;
    }

    /** Closing time of the last of {@code count} hourly bars. */
    public static Instant lastClose(int count) {
        return FIRST_CLOSE.plus(Duration.ofHours(count - 1L));
    }

    static MarketPriceUpdate bar(String symbol, Instant closeTime, String close, String volume, String reason) {
        BigDecimal price = new BigDecimal(close);
        return new MarketPriceUpdate(symbol, "1h", closeTime.minus(Duration.ofHours(1)), closeTime, price, price,
                price, price, new BigDecimal(volume), reason);
    }
}
