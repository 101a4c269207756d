package com.quantumtrader.events.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceBarsTest {

    private static final Instant OPEN = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant CLOSE = Instant.parse("2024-03-01T01:00:00Z");

    private static MarketPriceUpdate bar(String o, String h, String l, String c) {
        return PriceBars.bar("BTCUSDT", "1h", OPEN, CLOSE, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l),
                new BigDecimal(c), BigDecimal.ONE);
    }

    @Test
    void acceptsAConsistentBar() {
        MarketPriceUpdate bar = bar("100", "105", "95", "101");

        assertThat(bar.high()).isEqualByComparingTo("105");
    }

    @Test
    void acceptsADojiWhereEveryPriceIsEqual() {
        assertThat(bar("100", "100", "100", "100").low()).isEqualByComparingTo("100");
    }

    @Test
    void rejectsAHighBelowTheClose() {
        assertThatThrownBy(() -> bar("100", "101", "95", "102"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT bar high 101 is below max(open, close) 102");
    }

    @Test
    void rejectsALowAboveTheOpen() {
        assertThatThrownBy(() -> bar("100", "105", "100.5", "101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT bar low 100.5 is above min(open, close) 100");
    }

    @Test
    void rejectsANegativePrice() {
        assertThatThrownBy(() -> bar("-1", "105", "-2", "101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open must be positive but is -1");
    }

    @Test
    void rejectsAZeroLow() {
        assertThatThrownBy(() -> bar("100", "105", "0", "101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low must be positive");
    }

    @Test
    void rejectsAMissingPrice() {
        assertThatThrownBy(() -> PriceBars.bar("BTCUSDT", "1h", OPEN, CLOSE, null, BigDecimal.TEN, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar open is missing");
    }

    @Test
    void rejectsNegativeVolume() {
        assertThatThrownBy(() -> PriceBars.bar("BTCUSDT", "1h", OPEN, CLOSE, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, new BigDecimal("-0.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume must not be negative");
    }

    @Test
    void rejectsABarThatClosesBeforeItOpens() {
        assertThatThrownBy(() -> PriceBars.bar("BTCUSDT", "1h", CLOSE, OPEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after its open");
    }

    @Test
    void rejectsASymbolOrIntervalTheExchangeWouldNotSend() {
        assertThatThrownBy(() -> PriceBars.bar("btc-usdt", "1h", OPEN, CLOSE, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.ONE))
                .hasMessageContaining("not an exchange symbol");
        assertThatThrownBy(() -> PriceBars.bar("BTCUSDT", "hourly", OPEN, CLOSE, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE))
                .hasMessageContaining("interval 'hourly'");
    }

    @Test
    void isAClosedBar() {
        assertThat(bar("100", "105", "95", "101").reason()).isEqualTo(MarketPriceUpdate.BAR_CLOSE);
    }

    @Test
    void namesIntervalsAsBinanceDoes() {
        assertThat(PriceBars.intervalName(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(PriceBars.intervalName(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(PriceBars.intervalName(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(PriceBars.intervalName(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(PriceBars.intervalName(Duration.ofSeconds(90))).isEqualTo("90s");
    }
}
