package com.quantumtrader.portfolio.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.portfolio.SliceMetrics;
import com.quantumtrader.portfolio.analysis.model.Metrics.Exposure;
import com.quantumtrader.portfolio.positions.model.ClosedTrade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every metric of a known series against values computed independently (Python's decimal module at 50 digits,
 * rounded to 8 decimals), with the arithmetic written next to them.
 */
class MetricsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    // daily returns r = +1 %, -2 %, +3 %, -1 %, +2 %
    private static final List<BigDecimal> RETURNS = List.of(new BigDecimal("0.01"), new BigDecimal("-0.02"),
            new BigDecimal("0.03"), new BigDecimal("-0.01"), new BigDecimal("0.02"));
    private static final List<ClosedTrade> TRADES = List.of(
            trade("t1", "100", "2"), trade("t2", "-50", "-1"), trade("t3", "30", null), trade("t4", "-20", "-0.4"));
    // open [0, 2d], [1d, 3d], [5d, 6d] over 10 days: union 3d + 1d = 4d -> exposure 0.4
    private static final List<Exposure> EXPOSURES = List.of(new Exposure(day(0), day(2)),
            new Exposure(day(1), day(3)), new Exposure(day(5), day(6)));

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static ClosedTrade trade(String id, String pnl, String r) {
        return new ClosedTrade(id, "s", "BTCUSDT", day(0), day(1), new BigDecimal(pnl), BigDecimal.ONE,
                BigDecimal.ZERO, r == null ? null : new BigDecimal(r));
    }

    @Test
    void theAccountsMetricsOfAKnownSeries() {
        // total return 1.01 x 0.98 x 1.03 x 0.99 x 1.02 - 1 = 0.0294850412...
        SliceMetrics m = Metrics.of("TOTAL", "ALL", RETURNS, true, new BigDecimal("0.0294850412"), 365, TRADES,
                EXPOSURES, day(0), day(10));

        assertThat(m.totalReturn()).isEqualByComparingTo("0.02948504");
        // mean 0.03 / 5 = 0.006; x 365 = 2.19
        assertThat(m.annualizedReturn()).isEqualByComparingTo("2.19");
        // deviations .004 -.026 .024 -.016 .014; squares sum 0.00172; / (5 - 1) = 0.00043; sqrt = 0.0207364413...
        // x sqrt(365) = sqrt(0.15695) = 0.39616916
        assertThat(m.annualizedVolatility()).isEqualByComparingTo("0.39616916");
        // 0.006 / 0.0207364413533 x 19.1049731745 = 5.52794171
        assertThat(m.sharpe()).isEqualByComparingTo("5.52794171");
        // downside sqrt((0.02^2 + 0.01^2) / 5) = sqrt(0.0001) = 0.01; 0.006 / 0.01 x 19.1049731745 = 11.46298390
        assertThat(m.sortino()).isEqualByComparingTo("11.46298390");
        // curve 1.01, 0.9898, 1.019494, 1.00929906, 1.029485...: worst (1.01 - 0.9898) / 1.01 = 0.02
        assertThat(m.maxDrawdown()).isEqualByComparingTo("0.02");
        // peak on day 1, regained on day 3 (2 days); peak day 3, regained day 5 (2 days)
        assertThat(m.maxDrawdownDays()).isEqualTo(2);
        // 2.19 / 0.02
        assertThat(m.calmar()).isEqualByComparingTo("109.5");
        assertThat(m.trades()).isEqualTo(4);
        assertThat(m.winRate()).isEqualByComparingTo("0.5");
        // (100 + 30) / (50 + 20) = 1.857142857...
        assertThat(m.profitFactor()).isEqualByComparingTo("1.85714286");
        // (100 - 50 + 30 - 20) / 4
        assertThat(m.expectancy()).isEqualByComparingTo("15");
        // (2 - 1 - 0.4) / 3 trades with an R
        assertThat(m.averageR()).isEqualByComparingTo("0.2");
        assertThat(m.exposure()).isEqualByComparingTo("0.4");
        assertThat(m.realizedPnl()).isEqualByComparingTo("60");
        assertThat(m.fees()).isEqualByComparingTo("4");
    }

    @Test
    void aSlicesCurveAddsItsContributions() {
        // V = 1.01, 0.99, 1.02, 1.01, 1.03: worst (1.01 - 0.99) / 1.01 = 0.01980198; Calmar 2.19 / that = 110.595
        SliceMetrics m = Metrics.of("STRATEGY", "s", RETURNS, false, new BigDecimal("0.03"), 365, TRADES,
                EXPOSURES, day(0), day(10));

        assertThat(m.totalReturn()).isEqualByComparingTo("0.03");
        assertThat(m.maxDrawdown()).isEqualByComparingTo("0.01980198");
        assertThat(m.calmar()).isEqualByComparingTo("110.595");
    }

    @Test
    void aDrawdownNotYetRecoveredLastsUntilTheLastDay() {
        var drawdown = Metrics.drawdown(List.of(new BigDecimal("0.1"), new BigDecimal("-0.5"),
                new BigDecimal("0.1"), new BigDecimal("0.1")), true);

        // peak 1.1 on day 1; 0.55, 0.605, 0.6655 after: 50 % down, 3 days below so far
        assertThat(drawdown.max()).isEqualByComparingTo("0.5");
        assertThat(drawdown.longestDays()).isEqualTo(3);
    }

    @Test
    void withoutTradesOrVariationTheRatiosAreZeroAndTheOptionalOnesAbsent() {
        SliceMetrics m = Metrics.of("TOTAL", "ALL", List.of(BigDecimal.ZERO, BigDecimal.ZERO), true,
                BigDecimal.ZERO, 365, List.of(), List.of(), day(0), day(2));

        assertThat(m.sharpe()).isEqualByComparingTo("0");
        assertThat(m.sortino()).isEqualByComparingTo("0");
        assertThat(m.calmar()).isEqualByComparingTo("0");
        assertThat(m.winRate()).isEqualByComparingTo("0");
        assertThat(m.profitFactor()).isNull();
        assertThat(m.averageR()).isNull();
        assertThat(m.exposure()).isEqualByComparingTo("0");
    }
}
