package com.quantumtrader.local;

import com.quantumtrader.core.ml.features.BarsV1;
import com.quantumtrader.core.ml.features.FeatureBar;
import com.quantumtrader.core.ml.labels.Direction;
import com.quantumtrader.core.ml.training.TrainingOutcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades a model's validation signals with the backtest's cost model (taker fee, half the spread plus a share of
 * the fill bar's range as slippage, funding every 8 h) and the backtest's fill rule (a decision at a bar's close
 * fills at the next bar's open): one position per symbol, each symbol an equal sleeve of the equity, the whole sleeve
 * per trade, exit at the ATR stop (checked first when a bar touches both), the ATR target, or the label horizon's
 * close. Buy-and-hold is the same arithmetic over the whole period. A report statistic in doubles, not money the
 * platform books.
 */
final class SignalSimulation {

    record Result(String name, double totalReturn, double maxDrawdown, int trades, double winRate, double costs) {
    }

    private final CostModel costs;

    SignalSimulation(CostModel costs) {
        this.costs = costs;
    }

    Result model(Map<String, List<FeatureBar>> bars, List<TrainingOutcome.Prediction> predictions,
                 TrainingSpec spec) {
        Map<String, Map<Instant, Double>> probability = new HashMap<>();
        predictions.forEach(p -> probability.computeIfAbsent(p.symbol(), s -> new HashMap<>())
                .put(p.decisionTime(), p.probability()));
        int sign = spec.direction() == Direction.LONG ? 1 : -1;
        List<double[]> exits = new ArrayList<>(); // {exit epoch second, sleeve return}
        int trades = 0, wins = 0;
        double paid = 0;
        for (Map.Entry<String, List<FeatureBar>> entry : bars.entrySet()) {
            List<FeatureBar> series = entry.getValue();
            Map<Instant, Double> p = probability.getOrDefault(entry.getKey(), Map.of());
            int t = 0;
            while (t < series.size() - 1) {
                Double q = p.get(series.get(t).closeTime());
                if (q == null || q < spec.threshold() || t < BarsV1.LOOKBACK) {
                    t++;
                    continue;
                }
                double atr = BarsV1.averageTrueRange(series.subList(t - 14, t + 1), 14);
                FeatureBar fill = series.get(t + 1);
                double entryPrice = fill.open() * (1 + sign * slippage(fill));
                double stop = entryPrice - sign * spec.stopAtr() * atr;
                double target = entryPrice + sign * spec.targetAtr() * atr;
                int last = Math.min(series.size() - 1, t + spec.label().horizonBars());
                int exitIndex = last;
                double exitPrice = series.get(last).close();
                for (int i = t + 1; i <= last; i++) {
                    FeatureBar bar = series.get(i);
                    if (sign > 0 ? bar.low() <= stop : bar.high() >= stop) {
                        exitIndex = i;
                        exitPrice = stop;
                        break;
                    }
                    if (sign > 0 ? bar.high() >= target : bar.low() <= target) {
                        exitIndex = i;
                        exitPrice = target;
                        break;
                    }
                }
                FeatureBar exitBar = series.get(exitIndex);
                exitPrice *= 1 - sign * slippage(exitBar);
                double fees = 2 * costs.takerFeeRate().doubleValue();
                double funding = sign * fundingRate() * settlements(fill.openTime(), exitBar.closeTime());
                double r = sign * (exitPrice / entryPrice - 1) - fees - funding;
                paid += fees + slippage(fill) + slippage(exitBar);
                exits.add(new double[] {exitBar.closeTime().getEpochSecond(), r / bars.size()});
                trades++;
                wins += r > 0 ? 1 : 0;
                t = exitIndex + 1;
            }
        }
        exits.sort((a, b) -> Double.compare(a[0], b[0]));
        double equity = 1, peak = 1, drawdown = 0;
        for (double[] exit : exits) {
            equity *= 1 + exit[1];
            peak = Math.max(peak, equity);
            drawdown = Math.max(drawdown, 1 - equity / peak);
        }
        return new Result("model (" + spec.direction().name().toLowerCase() + ", p >= " + spec.threshold() + ")",
                equity - 1, drawdown, trades, trades == 0 ? Double.NaN : (double) wins / trades, paid / bars.size());
    }

    Result buyAndHold(Map<String, List<FeatureBar>> bars) {
        double total = 0, worst = 0, paid = 0;
        for (List<FeatureBar> series : bars.values()) {
            FeatureBar first = series.get(0);
            FeatureBar last = series.get(series.size() - 1);
            double entry = first.open() * (1 + slippage(first));
            double peak = entry, drawdown = 0;
            for (FeatureBar bar : series) {
                peak = Math.max(peak, bar.high());
                drawdown = Math.max(drawdown, 1 - bar.low() / peak);
            }
            double exit = last.close() * (1 - slippage(last));
            double fees = 2 * costs.takerFeeRate().doubleValue();
            double funding = fundingRate() * settlements(first.openTime(), last.closeTime());
            total += (exit / entry - 1 - fees - funding) / bars.size();
            worst = Math.max(worst, drawdown);
            paid += (fees + slippage(first) + slippage(last)) / bars.size();
        }
        return new Result("buy and hold", total, worst, bars.size(), Double.NaN, paid);
    }

    static Result noTrade() {
        return new Result("no trade", 0, 0, 0, Double.NaN, 0);
    }

    private double slippage(FeatureBar bar) {
        return costs.spreadBps().doubleValue() / 2 / 10_000
                + costs.rangeSlippageFraction().doubleValue() * (bar.high() - bar.low()) / bar.open();
    }

    private double fundingRate() {
        return costs.fundingEnabled() ? costs.fundingRate().doubleValue() : 0;
    }

    /** Funding settlements (00:00, 08:00, 16:00 UTC) strictly after {@code from} and at or before {@code to}. */
    static long settlements(Instant from, Instant to) {
        long eightHours = 8 * 3600;
        long first = Math.floorDiv(from.atZone(ZoneOffset.UTC).toEpochSecond(), eightHours) + 1;
        long last = Math.floorDiv(to.getEpochSecond(), eightHours);
        return Math.max(0, last - first + 1);
    }
}
