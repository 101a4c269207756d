package com.quantumtrader.portfolio;

import static com.quantumtrader.events.OrderPurpose.STOP_LOSS;
import static com.quantumtrader.events.OrderPurpose.TAKE_PROFIT;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hourly portfolio.performance snapshot. */
class PerformanceReportTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();

    @Test
    void reportsAFreshAccount() {
        PortfolioPerformance performance = portfolio.performance();

        assertThat(performance.asOf()).isEqualTo(PortfolioFixture.START);
        assertThat(performance.equity()).isEqualByComparingTo("10000");
        assertThat(performance.peakEquity()).isEqualByComparingTo("10000");
        assertThat(performance.drawdown()).isEqualByComparingTo("0");
        assertThat(performance.closedTrades()).isZero();
        assertThat(performance.winRate()).isEqualByComparingTo("0");
    }

    @Test
    void reportsClosedAndOpenPositionsAsOfTheClock() {
        // a winning long: +117.552 net (see PositionPnlTest); then a short of 2 ETH at 2000 (fee 1.6)
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));
        portfolio.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200").fee("1.248"));
        portfolio.fill(entry("sig-2", "ETHUSDT", SELL).quantity("2").price("2000").fee("1.6").stop("2200")
                .target("1800"));
        portfolio.bar("ETHUSDT", "1990");  // -(3980 - 4000) - 1.6 = 18.4: equity 10135.952, the peak
        portfolio.bar("ETHUSDT", "2100");  // -(4200 - 4000) - 1.6 = -201.6: equity 9915.952
        portfolio.clock.advance(Duration.ofMinutes(30));

        PortfolioPerformance performance = portfolio.performance();

        assertThat(performance.asOf()).isEqualTo(PortfolioFixture.START.plus(Duration.ofMinutes(150)));
        assertThat(performance.realizedPnl()).isEqualByComparingTo("117.552");
        assertThat(performance.unrealizedPnl()).isEqualByComparingTo("-201.6");
        assertThat(performance.equity()).isEqualByComparingTo("9915.952");
        assertThat(performance.peakEquity()).isEqualByComparingTo("10135.952");
        // (10135.952 - 9915.952) / 10135.952 = 220 / 10135.952 = 0.021704918... -> 0.02170492
        assertThat(performance.drawdown()).isEqualByComparingTo("0.02170492");
        assertThat(performance.fees()).isEqualByComparingTo("4.048"); // 1.2 + 1.248 + 1.6
        assertThat(performance.openPositions()).isEqualTo(1);
        assertThat(performance.closedTrades()).isEqualTo(1);
        assertThat(performance.winRate()).isEqualByComparingTo("1");
    }

    @Test
    void reportsTheWinRateOfClosedTrades() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000"));
        portfolio.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200"));
        portfolio.fill(entry("sig-2", "BTCUSDT", BUY).quantity("0.1").price("30000"));
        portfolio.fill(exit("sig-2", "BTCUSDT", SELL, STOP_LOSS).quantity("0.1").price("29400"));
        portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.1").price("30000"));
        portfolio.fill(exit("sig-3", "BTCUSDT", SELL, STOP_LOSS).quantity("0.1").price("29400"));

        PortfolioPerformance performance = portfolio.performance();

        // +120 - 60 - 60 = 0 realised; one win in three = 0.3333
        assertThat(performance.closedTrades()).isEqualTo(3);
        assertThat(performance.winRate()).isEqualByComparingTo("0.3333");
        assertThat(performance.realizedPnl()).isEqualByComparingTo("0");
        assertThat(performance.equity()).isEqualByComparingTo("10000");
    }

    @Test
    void valuesAPositionWithoutAMarkAtItsEntry() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        PortfolioPerformance performance = portfolio.performance();

        assertThat(performance.unrealizedPnl()).isEqualByComparingTo("-1.2");
        assertThat(performance.equity()).isEqualByComparingTo("9998.8");
    }
}
