package com.quantumtrader.core.ml.training;

import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.features.IncrementalFeatures;
import com.quantumtrader.core.ml.labels.Labeler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Streams each symbol's bars through {@link IncrementalFeatures} (the serving code path) and pairs every warm
 * vector with its label once the label's horizon has closed inside the data. Rows come out ordered by decision
 * time, then symbol.
 */
public final class DatasetBuilder {

    private DatasetBuilder() {
    }

    public static List<LabelledRow> build(Map<String, List<FeatureBar>> barsBySymbol, Labeler labeler) {
        List<LabelledRow> rows = new ArrayList<>();
        barsBySymbol.forEach((symbol, bars) -> {
            IncrementalFeatures features = new IncrementalFeatures(symbol);
            for (int t = 0; t < bars.size(); t++) {
                double[] vector = features.onBar(bars.get(t));
                if (!features.warm()) {
                    continue;
                }
                int decision = t;
                labeler.label(bars, t).ifPresent(label -> rows.add(new LabelledRow(symbol,
                        bars.get(decision).closeTime(), label.knownAt(), vector, label.value())));
            }
        });
        rows.sort(Comparator.comparing(LabelledRow::decisionTime).thenComparing(LabelledRow::symbol));
        return rows;
    }
}
