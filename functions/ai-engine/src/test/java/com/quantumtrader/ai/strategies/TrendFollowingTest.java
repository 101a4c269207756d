package com.quantumtrader.ai.strategies;

import static com.quantumtrader.ai.strategies.SeriesBuilder.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.ai.spi.InvalidStrategyParameterException;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;

class TrendFollowingTest {

    private static final Instrument ETH = InstrumentCatalog.bundled().find("ETHUSDT").orElseThrow();
    private final StrategyFactory trend = new TrendFollowing();

    private Optional<TradeIntent> decideOnLastBar(StrategyFactory factory, BarSeries series) {
        Strategy strategy = factory.create(series, ETH, factory.validate(Map.of()));
        return strategy.decide(series.getEndIndex());
    }

    @Test
    void goesLongWhenTheFastAverageCrossesAboveTheSlowOneWithAtrStopAndTarget() {
        // given closes falling 1 a bar from 2000 (+/- 10), then 2150: fast(10) 1975.5 -> 1992.5 crosses slow 1990.5
        BarSeries series = bars().line(2000, -1, 30, 10).close(2150, 10).series();

        // when
        TradeIntent intent = decideOnLastBar(trend, series).orElseThrow();

        // then stop 2 ATR below and target 3 ATR above the close, ATR = 449 / 14, on the 0.01 tick
        assertThat(intent.side()).isEqualTo(Side.LONG);
        assertThat(intent.stop()).isEqualTo(new BigDecimal("2085.86"));
        assertThat(intent.target()).isEqualTo(new BigDecimal("2246.21"));
        assertThat(intent.score()).isCloseTo(2.0 / (449.0 / 14), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(intent.confidence()).isEqualTo(FittedCalibrations.MA_CROSSOVER.calibrate(intent.score()));
        assertThat(intent.producedBy()).isEqualTo("ma_crossover@v1");
    }

    @Test
    void goesShortWhenTheFastAverageCrossesBelowTheSlowOne() {
        BarSeries series = bars().line(2000, 1, 30, 10).close(1850, 10).series();

        assertThat(decideOnLastBar(trend, series)).get().extracting(TradeIntent::side).isEqualTo(Side.SHORT);
    }

    @Test
    void staysFlatWhileTheAveragesDoNotCross() {
        BarSeries series = bars().line(2000, -1, 40, 10).series();

        assertThat(decideOnLastBar(trend, series)).isEmpty();
    }

    @Test
    void staysFlatInDeadAndInChaoticMarkets() {
        BarSeries dead = bars().line(2000, -0.1, 30, 0.2).close(2013, 0.2).series(); // ATR 0.076 % of price
        BarSeries chaotic = bars().line(2000, -1, 30, 40).close(2150, 40).series(); // ATR 4.2 %

        assertThat(decideOnLastBar(trend, dead)).isEmpty();
        assertThat(decideOnLastBar(trend, chaotic)).isEmpty();
    }

    @Test
    void defensiveVariantTradesOnlyCalmMarkets() {
        // ATR (13 x 24 + 187) / 14 = 35.6 is 1.66 % of 2150: inside the trend band, above the defensive 1.5 %
        BarSeries livelier = bars().line(2000, -1, 30, 12).close(2150, 12).series();

        assertThat(decideOnLastBar(trend, livelier)).isPresent();
        assertThat(decideOnLastBar(new DefensiveTrendFollowing(), livelier)).isEmpty();
    }

    @Test
    void refusesAFastPeriodThatIsNotBelowTheSlowOne() {
        assertThatThrownBy(() -> trend.validate(Map.of("fast_period", 30)))
                .isInstanceOf(InvalidStrategyParameterException.class)
                .hasMessage("ma_crossover.fast_period: must be below slow_period 30 but is 30");
    }

    @Test
    void decidesLikeTheExactDecimalCrossoverItReplacedOnTwentyThousandRandomBars() {
        // given a seeded random walk, and the former decimal implementation as the oracle
        List<SeriesBuilder.Candle> candles = bars().randomWalk(7, 20_000, 2000).candles();
        BarSeries series = bars().randomWalk(7, 20_000, 2000).series();
        Strategy strategy = trend.create(series, ETH, trend.validate(Map.of()));

        // when both decide on every bar with a full window
        int signals = 0;
        for (int index = 31; index < candles.size(); index++) {
            Optional<TradeIntent> intent = strategy.decide(index);
            Optional<DecimalCrossover.Decision> expected = DecimalCrossover.decide(candles, index, ETH);

            // then the same bars trade, in the same direction, with the same stop and target
            assertThat(intent.map(TradeIntent::side)).as("bar %d", index).isEqualTo(expected.map(
                    DecimalCrossover.Decision::side));
            if (intent.isPresent()) {
                signals++;
                assertThat(intent.get().stop()).as("stop at bar %d", index).isEqualTo(expected.get().stop());
                assertThat(intent.get().target()).as("target at bar %d", index).isEqualTo(expected.get().target());
            }
        }
        assertThat(signals).isGreaterThan(100);
    }

    /** The trend rule as ai/signal/Indicators and SignalOrchestrator computed it, in exact decimals: the oracle. */
    static final class DecimalCrossover {

        record Decision(Side side, BigDecimal stop, BigDecimal target) {
        }

        static Optional<Decision> decide(List<SeriesBuilder.Candle> candles, int index, Instrument instrument) {
            int before = spreadSign(candles, index - 1);
            int now = spreadSign(candles, index);
            Side side = before <= 0 && now > 0 ? Side.LONG : before >= 0 && now < 0 ? Side.SHORT : null;
            if (side == null) {
                return Optional.empty();
            }
            BigDecimal close = candles.get(index).close();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = index - 13; i <= index; i++) {
                SeriesBuilder.Candle bar = candles.get(i);
                BigDecimal previous = candles.get(i - 1).close();
                sum = sum.add(bar.high().subtract(bar.low()).max(bar.high().subtract(previous).abs())
                        .max(bar.low().subtract(previous).abs()));
            }
            BigDecimal atr = sum.divide(BigDecimal.valueOf(14), MathContext.DECIMAL64);
            double fraction = atr.divide(close, MathContext.DECIMAL64).doubleValue();
            if (fraction < 0.001 || fraction > 0.03) {
                return Optional.empty();
            }
            BigDecimal sign = BigDecimal.valueOf(side.sign());
            return Optional.of(new Decision(side,
                    tick(instrument, close.subtract(atr.multiply(BigDecimal.valueOf(2)).multiply(sign))),
                    tick(instrument, close.add(atr.multiply(BigDecimal.valueOf(3)).multiply(sign)))));
        }

        private static int spreadSign(List<SeriesBuilder.Candle> candles, int index) {
            BigDecimal fast = BigDecimal.ZERO;
            BigDecimal slow = BigDecimal.ZERO;
            for (int i = 0; i < 30; i++) {
                BigDecimal close = candles.get(index - i).close();
                slow = slow.add(close);
                if (i < 10) {
                    fast = fast.add(close);
                }
            }
            return fast.multiply(BigDecimal.valueOf(30)).compareTo(slow.multiply(BigDecimal.valueOf(10)));
        }

        private static BigDecimal tick(Instrument instrument, BigDecimal price) {
            BigDecimal tick = instrument.tickSize();
            return price.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick).setScale(tick.scale(),
                    RoundingMode.UNNECESSARY);
        }
    }
}
