package com.quantumtrader.core.ml.labels;

import com.quantumtrader.core.ml.LabelSpec;
import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link LabelSpec} labeler, binary per {@link Direction}: the label at decision bar t (entry at its close) is
 * true when, within the next {@code horizonBars} bars, the high (LONG) rises above, or the low (SHORT) falls below,
 * the close of t by more than max(atrMultiple x ATR(atrPeriod) at t, close x costBps / 10 000). It is known only at
 * the close of bar t + horizonBars, which {@link Label#knownAt()} carries so training can refuse it before then.
 */
public final class Labeler {

    private final LabelSpec spec;
    private final Direction direction;

    public Labeler(LabelSpec spec, Direction direction) {
        this.spec = spec;
        this.direction = direction;
    }

    /** A label and the moment it became known. */
    public record Label(boolean value, Instant knownAt) {
    }

    /**
     * @param bars consecutive bars of one symbol, oldest first
     * @param t    index of the decision bar
     * @return empty while the horizon has not closed in {@code bars}, or while ATR is undefined at t
     */
    public Optional<Label> label(List<FeatureBar> bars, int t) {
        int last = t + spec.horizonBars();
        if (last >= bars.size() || t < spec.atrPeriod()) {
            return Optional.empty();
        }
        double atr = BarsV1.averageTrueRange(bars.subList(t - spec.atrPeriod(), t + 1), spec.atrPeriod());
        double entry = bars.get(t).close();
        double threshold = Math.max(spec.atrMultiple() * atr, entry * spec.costBps() / 10_000);
        boolean hit = false;
        for (int i = t + 1; i <= last && !hit; i++) {
            FeatureBar bar = bars.get(i);
            hit = direction == Direction.LONG ? bar.high() - entry > threshold : entry - bar.low() > threshold;
        }
        return Optional.of(new Label(hit, bars.get(last).closeTime()));
    }

    public LabelSpec spec() {
        return spec;
    }

    public Direction direction() {
        return direction;
    }
}
