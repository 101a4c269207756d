package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_SL_ADJUSTED;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dynamic stop with the default settings: break-even at 1R, trailing from 1.5R at 2 ATRs (1R while fewer than
 * 14 bars give no ATR), time exit after 72 h.
 */
class DynamicStopTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();

    private StopLossAdjusted moved(List<Emit> out) {
        return only(out, PORTFOLIO_SL_ADJUSTED);
    }

    @Test
    void aLongMovesToBreakEvenThenTrailsTheBestCloseByOneRWithoutAnAtr() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").stop("29400")); // R = 600

        StopLossAdjusted breakEven = moved(portfolio.bar("BTCUSDT", "30600"));
        List<Emit> belowTrailingStart = portfolio.bar("BTCUSDT", "30800");        // 800 < 1.5R = 900
        StopLossAdjusted firstTrail = moved(portfolio.bar("BTCUSDT", "31000"));    // 31000 - 600
        List<Emit> pullback = portfolio.bar("BTCUSDT", "30700");                  // best is still 31000
        StopLossAdjusted secondTrail = moved(portfolio.bar("BTCUSDT", "31500"));   // 31500 - 600
        StopLossAdjusted thirdTrail = moved(portfolio.bar("BTCUSDT", "31550"));

        assertThat(breakEven.reason()).isEqualTo("BREAK_EVEN");
        assertThat(breakEven.newStop()).isEqualByComparingTo("30000");
        assertThat(belowTrailingStart).isEmpty();
        assertThat(firstTrail.reason()).isEqualTo("TRAILING");
        assertThat(firstTrail.previousStop()).isEqualByComparingTo("30000");
        assertThat(firstTrail.newStop()).isEqualByComparingTo("30400");
        assertThat(pullback).isEmpty();
        assertThat(secondTrail.previousStop()).isEqualByComparingTo("30400");
        assertThat(secondTrail.newStop()).isEqualByComparingTo("30900");
        assertThat(thirdTrail.newStop()).isEqualByComparingTo("30950");
    }

    @Test
    void aShortTrailsDownward() {
        portfolio.fill(entry("sig-2", "ETHUSDT", SELL).quantity("1").price("2000").stop("2040").target("1900"));

        StopLossAdjusted breakEven = moved(portfolio.bar("ETHUSDT", "1960"));
        StopLossAdjusted trail = moved(portfolio.bar("ETHUSDT", "1940")); // 60 = 1.5R in favour: 1940 + 40

        assertThat(breakEven.newStop()).isEqualByComparingTo("2000");
        assertThat(trail.reason()).isEqualTo("TRAILING");
        assertThat(trail.newStop()).isEqualByComparingTo("1980");
    }

    @Test
    void theTrailingDistanceIsTwoAtrsOnceFourteenBarsGaveAnAtr() {
        for (int i = 0; i < 14; i++) {
            portfolio.clock.advance(Duration.ofHours(1));
            portfolio.bar("BTCUSDT", "30050", "29950", "30000", "10"); // true range 100 each: ATR 100
        }
        portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.1").price("30000").stop("29400"));
        portfolio.clock.advance(Duration.ofHours(1));

        // true range max(31000 - 30900, |31000 - 30000|, |30900 - 30000|) = 1000: ATR (100 x 13 + 1000) / 14 =
        // 164.28571429; stop 31000 - 2 x 164.28571429 = 30671.42857142, down to the 0.1 tick: 30671.4. It beats the
        // break-even stop (30000) reached on the same bar.
        StopLossAdjusted trail = moved(portfolio.bar("BTCUSDT", "31000", "30900", "31000", "10"));

        assertThat(trail.reason()).isEqualTo("TRAILING");
        assertThat(trail.newStop()).isEqualByComparingTo("30671.4");
        portfolio.clock.advance(Duration.ofHours(1));
        assertThat(portfolio.bar("BTCUSDT", "30900", "30800", "30800", "10")).isEmpty(); // no break-even later
    }

    @Test
    void aPositionHeldSeventyTwoHoursGetsItsStopAtTheMarketOnce() {
        portfolio.fill(entry("sig-4", "BTCUSDT", BUY).quantity("0.1").price("30000").stop("29400"));
        portfolio.clock.advance(Duration.ofHours(70));
        assertThat(portfolio.bar("BTCUSDT", "30123.45")).isEmpty(); // 71 h

        StopLossAdjusted exit = moved(portfolio.bar("BTCUSDT", "30123.45")); // 72 h

        // a long's sell stop at or above the close (up to the 0.1 tick) triggers at the next bar's open
        assertThat(exit.reason()).isEqualTo("TIME_EXIT");
        assertThat(exit.previousStop()).isEqualByComparingTo("29400");
        assertThat(exit.newStop()).isEqualByComparingTo("30123.5");
        assertThat(portfolio.bar("BTCUSDT", "31000")).isEmpty();
    }

    @Test
    void aShortsTimeExitStopSitsAtOrBelowTheClose() {
        portfolio.fill(entry("sig-5", "ETHUSDT", SELL).quantity("1").price("2000").stop("2040").target("1900"));
        portfolio.clock.advance(Duration.ofHours(71));

        StopLossAdjusted exit = moved(portfolio.bar("ETHUSDT", "2010.005"));

        assertThat(exit.newStop()).isEqualByComparingTo("2010.00");
    }

    @Test
    void aPositionWithoutAProtectiveStopHasNothingToMove() {
        portfolio.fill(entry("sig-6", "BTCUSDT", BUY).quantity("0.1").price("30000").stop(null).target(null));
        portfolio.clock.advance(Duration.ofHours(80));

        assertThat(portfolio.bar("BTCUSDT", "35000")).isEmpty();
    }
}
