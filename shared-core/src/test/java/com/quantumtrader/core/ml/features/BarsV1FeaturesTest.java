package com.quantumtrader.core.ml.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.ml.MlFixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarsV1FeaturesTest {

    private static byte[] bytes(double[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Double.BYTES);
        for (double v : vector) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    /** Training path: one engine streamed over the whole history, vectors kept per bar. */
    private static List<double[]> trainingTable(List<FeatureBar> bars) {
        IncrementalFeatures features = new IncrementalFeatures("BTCUSDT");
        List<double[]> table = new ArrayList<>();
        bars.forEach(bar -> table.add(features.onBar(bar)));
        return table;
    }

    @Test
    void servingVectorsAreByteIdenticalToTrainingVectors() {
        List<FeatureBar> bars = MlFixtures.hourlyBars("BTCUSDT", 600, 0.1, 1);
        List<double[]> training = trainingTable(bars);

        for (int t = BarsV1.LOOKBACK; t < bars.size(); t += 37) {
            // serving: a fresh engine (a cold Lambda) fed only the last LOOKBACK bars, one by one
            IncrementalFeatures serving = new IncrementalFeatures("BTCUSDT");
            double[] vector = null;
            for (FeatureBar bar : bars.subList(t + 1 - BarsV1.LOOKBACK, t + 1)) {
                vector = serving.onBar(bar);
            }
            assertThat(bytes(vector)).as("bar %d", t).isEqualTo(bytes(training.get(t)));
        }
    }

    @Test
    void featuresAtBarTIgnoreBarsAppendedOrAlteredAfterIt() {
        List<FeatureBar> bars = MlFixtures.hourlyBars("BTCUSDT", 400, 0.1, 2);
        List<double[]> original = trainingTable(bars);
        int t = 250;
        List<FeatureBar> altered = new ArrayList<>(bars.subList(0, t + 1));
        for (FeatureBar later : MlFixtures.hourlyBars("BTCUSDT", 400, -0.5, 99).subList(t + 1, 400)) {
            altered.add(new FeatureBar("BTCUSDT", later.openTime(), later.closeTime(), later.open() * 3,
                    later.high() * 3, later.low() * 3, later.close() * 3, later.volume() * 10, 0.01));
        }
        altered.addAll(MlFixtures.hourlyBars("BTCUSDT", 600, 0.3, 5).subList(400, 600));

        List<double[]> recomputed = trainingTable(altered);

        for (int i = 0; i <= t; i++) {
            assertThat(bytes(recomputed.get(i))).as("bar %d", i).isEqualTo(bytes(original.get(i)));
        }
    }

    @Test
    void vectorFollowsTheSpecAndIsDefinedOnceWarm() {
        List<FeatureBar> bars = MlFixtures.hourlyBars("ETHUSDT", 200, 0, 3);
        IncrementalFeatures features = new IncrementalFeatures("ETHUSDT");
        double[] first = features.onBar(bars.get(0));
        double[] last = null;
        for (FeatureBar bar : bars.subList(1, bars.size())) {
            last = features.onBar(bar);
        }

        assertThat(first).hasSize(BarsV1.SPEC.features().size());
        assertThat(first[BarsV1.SPEC.features().indexOf("ret_1")]).isNaN();
        int funding = BarsV1.SPEC.features().indexOf("funding_rate");
        for (int i = 0; i < last.length; i++) {
            if (i != funding) {
                assertThat(last[i]).as(BarsV1.SPEC.features().get(i)).isFinite();
            }
        }
        assertThat(last[funding]).as("funding unknown in the generated data").isNaN();
        assertThat(last[BarsV1.SPEC.features().indexOf("rsi_14")]).isBetween(0.0, 100.0);
        FeatureBar lastBar = bars.get(bars.size() - 1);
        assertThat(last[0]).isEqualTo(Math.log(lastBar.close() / bars.get(bars.size() - 2).close()));
    }

    @Test
    void refusesBarsOutOfOrderOrOfAnotherSymbol() {
        List<FeatureBar> bars = MlFixtures.hourlyBars("BTCUSDT", 3, 0, 4);
        IncrementalFeatures features = new IncrementalFeatures("BTCUSDT");
        features.onBar(bars.get(1));

        assertThatThrownBy(() -> features.onBar(bars.get(0))).hasMessageContaining("is not after");
        assertThatThrownBy(() -> new IncrementalFeatures("ETHUSDT").onBar(bars.get(2)))
                .hasMessageContaining("got a BTCUSDT bar");
    }
}
