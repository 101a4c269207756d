package com.quantumtrader.execution;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Test data builder for hourly bars: {@code bar("BTCUSDT").hour(2).ohlc("61234.5", "61500", "61000", "61400")}. */
public final class Bars {

    public static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private final String symbol;
    private int hour;
    private String open = "100";
    private String high = "100";
    private String low = "100";
    private String close = "100";

    private Bars(String symbol) {
        this.symbol = symbol;
    }

    static Bars bar(String symbol) {
        return new Bars(symbol);
    }

    /** The bar opening {@code index} hours after {@link #START}. */
    Bars hour(int index) {
        this.hour = index;
        return this;
    }

    Bars ohlc(String o, String h, String l, String c) {
        this.open = o;
        this.high = h;
        this.low = l;
        this.close = c;
        return this;
    }

    MarketPriceUpdate build() {
        Instant openTime = START.plus(Duration.ofHours(hour));
        return PriceBars.bar(symbol, "1h", openTime, openTime.plus(Duration.ofHours(1)), new BigDecimal(open),
                new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), new BigDecimal("12.5"));
    }
}
