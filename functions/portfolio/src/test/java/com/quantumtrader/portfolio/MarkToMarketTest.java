package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_DRAWDOWN_HIGH;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_SL_ADJUSTED;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mark_to_market: equity and drawdown at each bar close, one alert per crossing, the break-even stop once. */
class MarkToMarketTest {

    // default policy: equity 10000, drawdown alert 0.10, emergency 0.20
    private final PortfolioFixture portfolio = new PortfolioFixture();

    private void longOneBitcoinAt30000() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("1").price("30000").fee("12").stop("27000"));
    }

    @Test
    void valuesOpenPositionsAtTheCloseNetOfTheirEntryFees() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        portfolio.bar("BTCUSDT", "29000");

        // (29000 - 30000) x 0.1 = -100, less the 1.2 entry fee = -101.2; equity 9898.8; drawdown 101.2 / 10000
        var performance = portfolio.performance();
        assertThat(performance.unrealizedPnl()).isEqualByComparingTo("-101.2");
        assertThat(performance.equity()).isEqualByComparingTo("9898.8");
        assertThat(performance.drawdown()).isEqualByComparingTo("0.01012");
    }

    @Test
    void alertsAtTheDrawdownThresholdButNotJustAboveIt() {
        longOneBitcoinAt30000();

        // 29013: -987 - 12 = -999 -> drawdown 0.0999; 29012: -1000 -> exactly 0.10
        assertThat(portfolio.bar("BTCUSDT", "29013")).isEmpty();
        DrawdownHigh alert = only(portfolio.bar("BTCUSDT", "29012"), PORTFOLIO_DRAWDOWN_HIGH);

        assertThat(alert.drawdown()).isEqualByComparingTo("0.10");
        assertThat(alert.threshold()).isEqualByComparingTo("0.10");
        assertThat(alert.equity()).isEqualByComparingTo("9000");
        assertThat(alert.peakEquity()).isEqualByComparingTo("10000");
    }

    @Test
    void alertsOncePerCrossingAndReArmsBelowTheThreshold() {
        longOneBitcoinAt30000();

        List<Emit> crossing = portfolio.bar("BTCUSDT", "29000");   // -1012: 0.1012
        List<Emit> deeper = portfolio.bar("BTCUSDT", "28900");     // -1112: 0.1112
        List<Emit> recovered = portfolio.bar("BTCUSDT", "29500");  // -512: 0.0512
        List<Emit> again = portfolio.bar("BTCUSDT", "29000");      // 0.1012 again

        assertThat(only(crossing, PORTFOLIO_DRAWDOWN_HIGH).drawdown()).isEqualByComparingTo("0.1012");
        assertThat(deeper).isEmpty();
        assertThat(recovered).isEmpty();
        assertThat(only(again, PORTFOLIO_DRAWDOWN_HIGH).drawdown()).isEqualByComparingTo("0.1012");
    }

    @Test
    void alertsAgainWhenTheDrawdownReachesTheEmergencyLevel() {
        longOneBitcoinAt30000();
        portfolio.bar("BTCUSDT", "29000");

        DrawdownHigh emergency = only(portfolio.bar("BTCUSDT", "27900"), PORTFOLIO_DRAWDOWN_HIGH); // -2112
        List<Emit> deeper = portfolio.bar("BTCUSDT", "27800");

        assertThat(emergency.drawdown()).isEqualByComparingTo("0.2112");
        assertThat(emergency.threshold()).isEqualByComparingTo("0.20");
        assertThat(deeper).isEmpty();
    }

    @Test
    void measuresDrawdownFromTheEquityPeak() {
        longOneBitcoinAt30000();
        portfolio.bar("BTCUSDT", "33012"); // +3012 - 12 = 3000: equity 13000, the new peak

        DrawdownHigh alert = only(portfolio.bar("BTCUSDT", "31712"), PORTFOLIO_DRAWDOWN_HIGH);

        // equity 10000 + 1712 - 12 = 11700; (13000 - 11700) / 13000 = 0.1
        assertThat(alert.peakEquity()).isEqualByComparingTo("13000");
        assertThat(alert.drawdown()).isEqualByComparingTo("0.1");
    }

    @Test
    void movesTheStopToBreakEvenOnceTheCloseIsOneRInFavour() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").stop("29400"));

        List<Emit> justShort = portfolio.bar("BTCUSDT", "30599.9");
        List<Emit> oneR = portfolio.bar("BTCUSDT", "30600");
        List<Emit> further = portfolio.bar("BTCUSDT", "30800");
        portfolio.bar("BTCUSDT", "30000");
        List<Emit> oneRAgain = portfolio.bar("BTCUSDT", "30600");

        assertThat(justShort).isEmpty();
        StopLossAdjusted moved = only(oneR, PORTFOLIO_SL_ADJUSTED);
        assertThat(moved.positionId()).isEqualTo("pos-sig-1");
        assertThat(moved.signalId()).isEqualTo("sig-1");
        assertThat(moved.previousStop()).isEqualByComparingTo("29400");
        assertThat(moved.newStop()).isEqualByComparingTo("30000");
        assertThat(moved.reason()).isEqualTo("BREAK_EVEN");
        assertThat(oneR.get(0).traceId()).isEqualTo(portfolio.traceOf("sig-1"));
        assertThat(further).isEmpty();
        assertThat(oneRAgain).isEmpty();
    }

    @Test
    void movesAShortStopDownToItsEntry() {
        portfolio.fill(entry("sig-2", "ETHUSDT", SELL).quantity("1").price("2000").stop("2040").target("1900"));

        assertThat(portfolio.bar("ETHUSDT", "1960.01")).isEmpty();
        StopLossAdjusted moved = only(portfolio.bar("ETHUSDT", "1960"), PORTFOLIO_SL_ADJUSTED);

        assertThat(moved.previousStop()).isEqualByComparingTo("2040");
        assertThat(moved.newStop()).isEqualByComparingTo("2000");
    }

    @ParameterizedTest(name = "{0} {1}: entries {2} and {3} -> break-even stop {6}")
    @CsvSource({
            // average 2000.015, rounded to the 0.01 tick away from the loss
            "ETHUSDT, BUY,  2000.01, 2000.02, 1980.00, 2030.00, 2000.02",
            "ETHUSDT, SELL, 2000.01, 2000.02, 2020.00, 1975.00, 2000.01",
            // average 30000.05, BTCUSDT's tick is 0.10
            "BTCUSDT, BUY,  30000.0, 30000.1, 29400.0, 30700.0, 30000.1",
            "BTCUSDT, SELL, 30000.0, 30000.1, 30600.0, 29300.0, 30000.0",
            // unknown symbols use a 0.01 tick
            "SOLUSDT, BUY,  100.001, 100.002, 98.0, 103.0, 100.01"})
    void roundsTheBreakEvenStopToTheTickOnTheSafeSide(String symbol, OrderSide side, String firstPrice,
                                                      String secondPrice, String stop, String close, String expected) {
        portfolio.fill(entry("sig-3", symbol, side).quantity("1").price(firstPrice).stop(stop).target(close));
        portfolio.fill(entry("sig-3", symbol, side).quantity("1").price(secondPrice));

        StopLossAdjusted moved = only(portfolio.bar(symbol, close), PORTFOLIO_SL_ADJUSTED);

        assertThat(moved.newStop()).isEqualByComparingTo(expected);
    }

    @Test
    void aRestartedDomainKeepsThePeakTheAlertAndTheBreakEvenMove() {
        longOneBitcoinAt30000();
        portfolio.bar("BTCUSDT", "33012");      // peak 13000, 1R (3000) in favour: stop moved
        portfolio.bar("BTCUSDT", "31700");      // 11688: drawdown 0.1009 -> alert

        PortfolioFixture restarted = portfolio.restarted();
        List<Emit> out = restarted.bar("BTCUSDT", "33012");

        assertThat(out).isEmpty(); // no second break-even move; drawdown back to 0 re-arms silently
        assertThat(restarted.performance().peakEquity()).isEqualByComparingTo("13000");
        assertThat(only(restarted.bar("BTCUSDT", "31700"), PORTFOLIO_DRAWDOWN_HIGH).peakEquity())
                .isEqualByComparingTo("13000");
    }
}
