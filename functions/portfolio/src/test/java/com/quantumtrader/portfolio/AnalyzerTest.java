package com.quantumtrader.portfolio;

import static com.quantumtrader.events.OrderPurpose.TAKE_PROFIT;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.portfolio.PortfolioMetrics;
import com.quantumtrader.events.portfolio.SliceMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** portfolio.metrics.reported from the live state: the daily equity curve, today's P&L and the slices. */
class AnalyzerTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();

    @Test
    void reportsTodayAndTheSlicesOfEachStrategyAndSymbol() {
        // day 1 (March 1st): a BTC long wins 117.552 (PositionPnlTest), marked at 23:00
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));
        portfolio.clock.advance(Duration.ofHours(22));
        portfolio.bar("BTCUSDT", "31200");
        portfolio.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200").fee("1.248"));
        portfolio.bar("BTCUSDT", "31200"); // 00:00 March 2nd: day 2 opens at 10117.552
        // day 2: an ETH short, 2 at 2000 (fee 1.6), marked at 1990: +20 - 1.6 = 18.4 unrealised
        portfolio.fill(entry("sig-2", "ETHUSDT", SELL).quantity("2").price("2000").fee("1.6").stop("2040")
                .target("1900"));
        portfolio.bar("ETHUSDT", "1990");

        PortfolioMetrics metrics = portfolio.metrics();

        assertThat(metrics.days()).isEqualTo(2);
        assertThat(metrics.equity()).isEqualByComparingTo("10135.952");
        assertThat(metrics.realizedPnl()).isEqualByComparingTo("117.552");
        assertThat(metrics.unrealizedPnl()).isEqualByComparingTo("18.4");
        assertThat(metrics.realizedPnlToday()).isEqualByComparingTo("0");
        assertThat(metrics.pnlToday()).isEqualByComparingTo("18.4");
        assertThat(metrics.feesToday()).isEqualByComparingTo("1.6");
        assertThat(metrics.fees()).isEqualByComparingTo("4.048");
        assertThat(metrics.slices()).extracting(SliceMetrics::scope, SliceMetrics::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TOTAL", "ALL"),
                org.assertj.core.groups.Tuple.tuple("STRATEGY", "ma_crossover"),
                org.assertj.core.groups.Tuple.tuple("SYMBOL", "BTCUSDT"),
                org.assertj.core.groups.Tuple.tuple("SYMBOL", "ETHUSDT"));
        SliceMetrics total = metrics.slices().get(0);
        // days: 10000 -> 10117.552 (+1.17552 %), 10117.552 -> 10135.952; total 10135.952 / 10000 - 1
        assertThat(total.totalReturn()).isEqualByComparingTo("0.0135952");
        assertThat(total.trades()).isEqualTo(1);
        assertThat(total.winRate()).isEqualByComparingTo("1");
        SliceMetrics btc = metrics.slices().get(2);
        // BTC's day-1 contribution 117.552 / 10000, nothing on day 2
        assertThat(btc.totalReturn()).isEqualByComparingTo("0.0117552");
        assertThat(btc.realizedPnl()).isEqualByComparingTo("117.552");
        // since = the first fill, March 1st 00:00; now March 2nd 01:00 (25 h): BTC open 23 h, ETH the last hour
        assertThat(metrics.since()).isEqualTo(PortfolioFixture.START);
        assertThat(btc.exposure()).isEqualByComparingTo("0.92");
        SliceMetrics eth = metrics.slices().get(3);
        assertThat(eth.trades()).isZero();
        assertThat(eth.exposure()).isEqualByComparingTo("0.04");
        assertThat(total.exposure()).isEqualByComparingTo("0.96");
    }
}
