package com.quantumtrader.ai.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.ai.spi.StrategySeries;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;

class StrategyCalibrationTest {

    /** Bars after a long entry at 100 (stop 95, target 110), given as (high, low) pairs. */
    private static BarSeries afterEntry(double... highLow) {
        BarSeries series = StrategySeries.create("T", 1000);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        StrategySeries.append(series, null, t, null, BigDecimal.valueOf(100), BigDecimal.valueOf(100),
                BigDecimal.valueOf(100), null);
        for (int i = 0; i < highLow.length; i += 2) {
            t = t.plusSeconds(3600);
            BigDecimal high = BigDecimal.valueOf(highLow[i]);
            BigDecimal low = BigDecimal.valueOf(highLow[i + 1]);
            StrategySeries.append(series, null, t, null, high, low, low, null);
        }
        return series;
    }

    private static final TradeIntent LONG = new TradeIntent(Side.LONG, 0.5, 1, BigDecimal.valueOf(95),
            BigDecimal.valueOf(110), "t@v1");

    @Test
    void labelsAnIntentWhoseTargetTradesFirstAsReached() {
        assertThat(StrategyCalibration.outcome(afterEntry(104, 97, 110, 101), 0, LONG)).contains(true);
    }

    @Test
    void labelsAnIntentWhoseStopTradesFirstAsMissed() {
        assertThat(StrategyCalibration.outcome(afterEntry(104, 95, 112, 101), 0, LONG)).contains(false);
    }

    @Test
    void countsABarThatTouchesBothAsTheStop() {
        assertThat(StrategyCalibration.outcome(afterEntry(111, 94), 0, LONG)).contains(false);
    }

    @Test
    void leavesOutAnIntentTheDataNeverResolves() {
        assertThat(StrategyCalibration.outcome(afterEntry(104, 97, 105, 99), 0, LONG)).isEqualTo(Optional.empty());
    }

    @Test
    void fitsAHigherProbabilityToTheScoresThatReachTheirTargetMoreOften() {
        List<StrategyCalibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(new StrategyCalibration.Sample(1, i < 30)); // 30 % at score 1
            samples.add(new StrategyCalibration.Sample(3, i < 70)); // 70 % at score 3
        }

        PlattScaling fit = StrategyCalibration.fit(samples, 30);

        assertThat(fit.calibrate(1)).isBetween(0.25, 0.35);
        assertThat(fit.calibrate(3)).isBetween(0.65, 0.75);
        assertThat(StrategyCalibration.fit(samples, 30)).isEqualTo(fit);
    }

    @Test
    void refusesToFitOnTooFewIntents() {
        assertThatThrownBy(() -> StrategyCalibration.fit(List.of(new StrategyCalibration.Sample(1, true)), 30))
                .hasMessage("only 1 labelled intents, at least 30 are needed to fit a calibration");
    }
}
