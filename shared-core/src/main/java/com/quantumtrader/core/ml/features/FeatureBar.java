package com.quantumtrader.core.ml.features;

import java.time.Instant;
import java.util.Objects;

/**
 * One closed bar as the feature and label code reads it. Prices are doubles here on purpose: features and labels are
 * statistics, not money (orders, fills and balances stay BigDecimal elsewhere).
 *
 * @param closeTime   the bar's close (= the next bar's open); the decision time of a feature vector
 * @param fundingRate the last funding rate published at or before the close, NaN when unknown
 */
public record FeatureBar(String symbol, Instant openTime, Instant closeTime, double open, double high, double low,
                         double close, double volume, double fundingRate) {

    public FeatureBar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException(symbol + " bar at " + openTime + " must close after it opens");
        }
        if (!(close > 0) || !(high >= low) || !(volume >= 0)) {
            throw new IllegalArgumentException(symbol + " bar at " + openTime + " needs close > 0, high >= low and"
                    + " volume >= 0");
        }
    }

    /** The bar with another funding rate (funding is joined to bars after they are read). */
    public FeatureBar withFundingRate(double rate) {
        return new FeatureBar(symbol, openTime, closeTime, open, high, low, close, volume, rate);
    }
}
