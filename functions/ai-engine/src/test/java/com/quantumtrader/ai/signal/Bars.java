package com.quantumtrader.ai.signal;

import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hourly bars for tests: bar {@code i} closes at START + (i + 1) h, with high/low at close +/- half range. */
final class Bars {

    static final Duration HOUR = Duration.ofHours(1);

    private Bars() {
    }

    static Instant closeTime(int index) {
        return DomainFixture.START.plus(HOUR.multipliedBy(index + 1L));
    }

    static MarketPriceUpdate bar(String symbol, int index, String close, String halfRange) {
        BigDecimal c = new BigDecimal(close);
        BigDecimal h = new BigDecimal(halfRange);
        Instant closeTime = closeTime(index);
        return new MarketPriceUpdate(symbol, "1h", closeTime.minus(HOUR), closeTime, c, c.add(h), c.subtract(h), c,
                new BigDecimal("100"), MarketPriceUpdate.BAR_CLOSE);
    }

    /**
     * {@code count} bars whose closes move by {@code step} per bar from {@code base} (close_i = base + step x i),
     * then one bar closing at {@code last}: the last one makes the crossover.
     */
    static List<MarketPriceUpdate> trendThenJump(String symbol, String base, String step, int count, String last,
                                                 String halfRange) {
        List<MarketPriceUpdate> bars = new ArrayList<>();
        BigDecimal b = new BigDecimal(base);
        BigDecimal s = new BigDecimal(step);
        for (int i = 0; i < count; i++) {
            bars.add(bar(symbol, i, b.add(s.multiply(BigDecimal.valueOf(i))).toPlainString(), halfRange));
        }
        bars.add(bar(symbol, count, last, halfRange));
        return bars;
    }
}
