package com.quantumtrader.ai.strategies;

import static com.quantumtrader.ai.strategies.SeriesBuilder.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.adx.ADXIndicator;

class MeanReversionTest {

    private static final Instrument ETH = InstrumentCatalog.bundled().find("ETHUSDT").orElseThrow();
    private final StrategyFactory meanReversion = new MeanReversion();

    private Optional<TradeIntent> decide(BarSeries series, int index) {
        Strategy strategy = meanReversion.create(series, ETH, meanReversion.validate(Map.of()));
        return strategy.decide(index);
    }

    /** 150 bars ranging around 2000 (noise sigma 2, ranges +/- 2): ADX low, bands about 2000 +/- 4. */
    private static SeriesBuilder ranging() {
        return bars().noise(11, 150, 2000, 2, 2);
    }

    @Test
    void goesLongWhenARangingMarketClosesBelowTheLowerBandWithRsiOversoldTargetingTheMean() {
        // given a ranging market, then a close at 1985, far below the lower band
        BarSeries series = ranging().close(1985, 2).series();
        assertThat(new ADXIndicator(series, 14).getValue(series.getEndIndex()).doubleValue()).isLessThan(20);

        // when
        TradeIntent intent = decide(series, series.getEndIndex()).orElseThrow();

        // then long, targeting the middle band (about 2000) with the stop 1.5 ATR below the close
        assertThat(intent.side()).isEqualTo(Side.LONG);
        assertThat(intent.target()).isBetween(new BigDecimal("1995"), new BigDecimal("2005"));
        assertThat(intent.stop()).isLessThan(new BigDecimal("1985"));
        assertThat(intent.score()).isGreaterThan(2);
        assertThat(intent.confidence()).isEqualTo(FittedCalibrations.MEAN_REVERSION.calibrate(intent.score()));
        assertThat(intent.producedBy()).isEqualTo("mean_reversion@v1");
        assertThat(intent.inconsistencyWith(new BigDecimal("1985.00"), ETH.tickSize())).isNull();
    }

    @Test
    void goesShortWhenARangingMarketClosesAboveTheUpperBandWithRsiOverbought() {
        BarSeries series = ranging().close(2015, 2).series();

        assertThat(decide(series, series.getEndIndex())).get().extracting(TradeIntent::side).isEqualTo(Side.SHORT);
    }

    @Test
    void fadesAStretchOnceNotOnEveryBarItLasts() {
        // given the stretch below the band lasts two bars
        BarSeries series = ranging().close(1985, 2).close(1980, 2).series();

        // when / then only its first bar trades
        assertThat(decide(series, series.getEndIndex() - 1)).isPresent();
        assertThat(decide(series, series.getEndIndex())).isEmpty();
    }

    @Test
    void staysOutOfATrendingMarketEvenWhenItClosesBelowTheBand() {
        // given a steady fall of 3 a bar (ADX high), then a drop of 50 below the band with RSI near 0
        BarSeries series = bars().line(2000, -3, 150, 2).close(1500, 2).series();
        assertThat(new ADXIndicator(series, 14).getValue(series.getEndIndex()).doubleValue()).isGreaterThan(20);

        // when / then
        assertThat(decide(series, series.getEndIndex())).isEmpty();
    }

    @Test
    void staysFlatInsideTheBands() {
        BarSeries series = ranging().close(2001, 2).series();

        assertThat(decide(series, series.getEndIndex())).isEmpty();
    }

    @Test
    void refusesAnOversoldLevelNotBelowTheOverboughtOne() {
        assertThatThrownBy(() -> meanReversion.validate(Map.of("rsi_oversold", 80)))
                .hasMessage("mean_reversion.rsi_oversold: must be below rsi_overbought 70.0 but is 80.0");
    }

    @Test
    void needsFivePeriodsOfItsSlowestWilderAverageOfHistory() {
        assertThat(meanReversion.historyBars(meanReversion.validate(Map.of()))).isEqualTo(70);
        assertThat(meanReversion.historyBars(meanReversion.validate(Map.of("bollinger_period", 100)))).isEqualTo(101);
    }
}
