package com.quantumtrader.risk.model.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The abnormal-volatility trigger and the correlation of returns, on closes in memory. */
class AbnormalMoveTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private final MarketReturns returns = new MarketReturns();

    /** 31 closes wiggling 0.1 % around 100: 30 returns of about ±0.1 %. */
    private static List<Close> calm() {
        List<Close> closes = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            closes.add(new Close(T0.plus(Duration.ofMinutes(i)), new BigDecimal(i % 2 == 0 ? "100" : "100.1")));
        }
        return closes;
    }

    @Test
    void flagsAMoveFarBeyondTheRecentReturns() {
        Close crash = new Close(T0.plus(Duration.ofMinutes(31)), new BigDecimal("90"));

        assertThat(AbnormalMove.detect("BTCUSDT", calm(), crash, 20, new BigDecimal("6"), returns))
                .hasValueSatisfying(detail -> assertThat(detail).startsWith("BTCUSDT moved -0.1000 in one bar")
                        .endsWith("of 30 returns (limit 6)"));
    }

    @Test
    void ignoresAnOrdinaryMoveAShortHistoryOrAnOldBar() {
        Close ordinary = new Close(T0.plus(Duration.ofMinutes(31)), new BigDecimal("100.1"));
        Close crash = new Close(T0.plus(Duration.ofMinutes(31)), new BigDecimal("90"));
        Close old = new Close(T0.plus(Duration.ofMinutes(30)), new BigDecimal("90"));

        assertThat(AbnormalMove.detect("BTCUSDT", calm(), ordinary, 20, new BigDecimal("6"), returns)).isEmpty();
        assertThat(AbnormalMove.detect("BTCUSDT", calm().subList(0, 10), crash, 20, new BigDecimal("6"), returns))
                .isEmpty();
        assertThat(AbnormalMove.detect("BTCUSDT", calm(), old, 20, new BigDecimal("6"), returns)).isEmpty();
    }

    @Test
    void correlatesReturnsPairedByTimeOnlyWithEnoughPairs() {
        List<Close> a = calm();
        List<Close> mirrored = a.stream().map(c -> new Close(c.at(), new BigDecimal("200").subtract(c.price())))
                .toList();

        assertThat(returns.correlation(a, a, 20)).hasValueSatisfying(rho -> assertThat(rho).isCloseTo(1.0, within(1e-12)));
        assertThat(returns.correlation(a, mirrored, 20)).hasValueSatisfying(rho -> assertThat(rho).isLessThan(-0.99));
        assertThat(returns.correlation(a, a.subList(0, 5), 20)).isEmpty();
    }

    @Test
    void keepsTheLatestClosesInTimeOrder() {
        Closes closes = new Closes(List.of());
        for (int i = 5; i >= 0; i--) {
            closes = closes.with(new Close(T0.plus(Duration.ofMinutes(i)), BigDecimal.ONE), 3);
        }

        // closes arriving out of order are sorted; the oldest fall out, keeping the latest keep + 1
        assertThat(closes.closes()).extracting(Close::at).containsExactly(T0.plus(Duration.ofMinutes(2)),
                T0.plus(Duration.ofMinutes(3)), T0.plus(Duration.ofMinutes(4)), T0.plus(Duration.ofMinutes(5)));
        assertThat(closes.contains(new Close(T0.plus(Duration.ofMinutes(5)), BigDecimal.TEN))).isTrue();
        assertThat(closes.contains(new Close(T0, BigDecimal.ONE))).isFalse();
    }
}
