package com.quantumtrader.core.ml.labels;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.MlFixtures;
import com.quantumtrader.core.ml.features.FeatureBar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelerTest {

    /** Flat bars at 100 with high/low 100.5/99.5 (true range 1), then one chosen bar. */
    private static List<FeatureBar> flatThen(int flat, double high, double low) {
        List<FeatureBar> bars = new ArrayList<>();
        for (int i = 0; i < flat + 1; i++) {
            Instant open = MlFixtures.START.plus(MlFixtures.HOUR.multipliedBy(i));
            boolean last = i == flat;
            bars.add(new FeatureBar("BTCUSDT", open, open.plus(MlFixtures.HOUR), 100, last ? high : 100.5,
                    last ? low : 99.5, 100, 10, Double.NaN));
        }
        return bars;
    }

    @Test
    void longLabelIsTrueWhenTheHighClearsKTimesAtrWithinTheHorizon() {
        Labeler labeler = new Labeler(new LabelSpec(3, 2.0, 5, 0), Direction.LONG); // threshold 2 x ATR 1 = 2
        List<FeatureBar> bars = flatThen(10, 102.5, 99.5);

        assertThat(labeler.label(bars, 7).orElseThrow().value()).as("bar 10 is within 3 bars of 7").isTrue();
        assertThat(labeler.label(bars, 6).orElseThrow().value()).as("bar 10 is 4 bars after 6").isFalse();
        assertThat(new Labeler(new LabelSpec(3, 2.0, 5, 0), Direction.SHORT).label(bars, 7).orElseThrow().value())
                .isFalse();
    }

    @Test
    void costsRaiseTheThresholdAboveTheAtrMove() {
        List<FeatureBar> bars = flatThen(10, 102.5, 99.5);

        assertThat(new Labeler(new LabelSpec(3, 2.0, 5, 300), Direction.LONG).label(bars, 7).orElseThrow().value())
                .as("a 2.5 move does not pay 3 %% costs").isFalse();
    }

    @Test
    void labelIsUnknownUntilItsHorizonHasClosed() {
        Labeler labeler = new Labeler(new LabelSpec(4, 1.0, 5, 0), Direction.LONG);
        List<FeatureBar> bars = flatThen(20, 100.5, 99.5);

        assertThat(labeler.label(bars, 16)).as("needs bar 20, the last one").isPresent();
        assertThat(labeler.label(bars, 17)).as("needs bar 21, not closed yet").isEmpty();
        assertThat(labeler.label(bars, 16).orElseThrow().knownAt()).isEqualTo(bars.get(20).closeTime());
    }
}
