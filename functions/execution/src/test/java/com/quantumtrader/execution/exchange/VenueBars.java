package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Hourly BTCUSDT bars for the venue tests: {@code VenueBars.at(1).ohlc("60000.0", …).volume("1")}. */
final class VenueBars {

    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private final int hour;
    private String symbol = "BTCUSDT";
    private String open = "60000.0";
    private String high = "60000.0";
    private String low = "60000.0";
    private String close = "60000.0";
    private String volume = "1";

    private VenueBars(int hour) {
        this.hour = hour;
    }

    /** The bar opening {@code hour} hours after {@link #START}, flat at 60000.0 with a volume of 1 unless told. */
    static VenueBars at(int hour) {
        return new VenueBars(hour);
    }

    VenueBars symbol(String value) {
        this.symbol = value;
        return this;
    }

    VenueBars flat(String price) {
        return ohlc(price, price, price, price);
    }

    VenueBars ohlc(String o, String h, String l, String c) {
        this.open = o;
        this.high = h;
        this.low = l;
        this.close = c;
        return this;
    }

    VenueBars volume(String value) {
        this.volume = value;
        return this;
    }

    MarketPriceUpdate build() {
        Instant openTime = START.plus(Duration.ofHours(hour));
        return PriceBars.bar(symbol, "1h", openTime, openTime.plus(Duration.ofHours(1)), new BigDecimal(open),
                new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), new BigDecimal(volume));
    }
}
