package com.quantumtrader.core.ml.features;

import com.quantumtrader.core.ml.FeatureSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The "bars-v1" feature spec, version 1: a pure function of the last {@link #LOOKBACK} closed bars of one symbol.
 * Every feature is recomputed from that window (no running sums carried across bars), so the vector at bar t is
 * the same bits whether the bars were streamed one by one since the start of the data or only the last
 * {@link #LOOKBACK} were given, and whatever comes after t. NaN where the window is too short to define a feature.
 * Change any definition here and bump {@link #VERSION}: models trained on the old one are then refused at load.
 */
public final class BarsV1 {

    public static final String NAME = "bars-v1";
    public static final int VERSION = 1;
    /** Bars a vector needs: the longest return horizon (72) plus the bar it starts from. */
    public static final int LOOKBACK = 73;

    public static final FeatureSpec SPEC = new FeatureSpec(NAME, VERSION, List.of(
            "ret_1", "ret_4", "ret_12", "ret_24", "ret_72",
            "vol_24", "vol_72",
            "atr_14_rel", "range_rel",
            "rsi_14",
            "sma_gap_24", "sma_gap_72",
            "volume_z_24",
            "funding_rate",
            "tod_sin", "tod_cos",
            "dow_sin", "dow_cos"));

    private BarsV1() {
    }

    /**
     * The feature vector at the last bar of the window, in {@link #SPEC}'s order.
     *
     * @param window consecutive bars of one symbol, oldest first; only the last {@link #LOOKBACK} are read
     */
    public static double[] vector(List<FeatureBar> window) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("bars-v1 needs at least one bar");
        }
        int n = window.size();
        FeatureBar last = window.get(n - 1);
        double[] close = new double[Math.min(n, LOOKBACK)];
        int offset = n - close.length;
        for (int i = 0; i < close.length; i++) {
            close[i] = window.get(offset + i).close();
        }
        int end = close.length - 1;
        ZonedDateTime at = last.closeTime().atZone(ZoneOffset.UTC);
        double dayFraction = (at.getHour() * 3600 + at.getMinute() * 60 + at.getSecond()) / 86_400.0;
        double weekFraction = (at.getDayOfWeek().getValue() - 1 + dayFraction) / 7.0;
        return new double[] {
            logReturn(close, end, 1), logReturn(close, end, 4), logReturn(close, end, 12),
            logReturn(close, end, 24), logReturn(close, end, 72),
            realisedVolatility(close, end, 24), realisedVolatility(close, end, 72),
            averageTrueRange(window, 14) / last.close(), (last.high() - last.low()) / last.close(),
            rsi(close, end, 14),
            smaGap(close, end, 24), smaGap(close, end, 72),
            volumeZScore(window, 24),
            last.fundingRate(),
            Math.sin(2 * Math.PI * dayFraction), Math.cos(2 * Math.PI * dayFraction),
            Math.sin(2 * Math.PI * weekFraction), Math.cos(2 * Math.PI * weekFraction),
        };
    }

    static double logReturn(double[] close, int end, int horizon) {
        return end - horizon < 0 ? Double.NaN : Math.log(close[end] / close[end - horizon]);
    }

    /** Standard deviation of the last {@code bars} one-bar log returns. */
    static double realisedVolatility(double[] close, int end, int bars) {
        if (end - bars < 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - bars + 1; i <= end; i++) {
            sum += Math.log(close[i] / close[i - 1]);
        }
        double mean = sum / bars;
        double squares = 0;
        for (int i = end - bars + 1; i <= end; i++) {
            double d = Math.log(close[i] / close[i - 1]) - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (bars - 1));
    }

    /** Simple mean of the last {@code period} true ranges (finite memory, unlike Wilder's smoothing). */
    public static double averageTrueRange(List<FeatureBar> window, int period) {
        int n = window.size();
        if (n < period + 1) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = n - period; i < n; i++) {
            FeatureBar bar = window.get(i);
            double previousClose = window.get(i - 1).close();
            sum += Math.max(bar.high() - bar.low(),
                    Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
        }
        return sum / period;
    }

    /** RSI over simple averages of gains and losses (Cutler's RSI), in [0, 100]. */
    static double rsi(double[] close, int end, int period) {
        if (end - period < 0) {
            return Double.NaN;
        }
        double gains = 0, losses = 0;
        for (int i = end - period + 1; i <= end; i++) {
            double change = close[i] - close[i - 1];
            if (change > 0) {
                gains += change;
            } else {
                losses -= change;
            }
        }
        return gains + losses == 0 ? 50 : 100 * gains / (gains + losses);
    }

    static double smaGap(double[] close, int end, int period) {
        if (end - period + 1 < 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - period + 1; i <= end; i++) {
            sum += close[i];
        }
        return close[end] / (sum / period) - 1;
    }

    /** z-score of the last bar's log(1 + volume) against the previous {@code bars} bars. */
    static double volumeZScore(List<FeatureBar> window, int bars) {
        int n = window.size();
        if (n < bars + 1) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = n - 1 - bars; i < n - 1; i++) {
            sum += Math.log1p(window.get(i).volume());
        }
        double mean = sum / bars;
        double squares = 0;
        for (int i = n - 1 - bars; i < n - 1; i++) {
            double d = Math.log1p(window.get(i).volume()) - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / (bars - 1));
        return std == 0 ? 0 : (Math.log1p(window.get(n - 1).volume()) - mean) / std;
    }
}
