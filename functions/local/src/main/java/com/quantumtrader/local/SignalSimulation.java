package com.quantumtrader.local;

import com.quantumtrader.core.ml.features.FeatureBar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The training report's trading rows and the two baselines that need no platform run: buy-and-hold with the
 * backtest's cost model (taker fee, half the spread plus a share of the fill bar's range as slippage, funding every
 * 8 h), each symbol an equal sleeve, and no trade. The model and the trend rule run through the real backtest
 * ({@code TrainCommand}). A report statistic in doubles, not money the platform books.
 */
final class SignalSimulation {

    record Result(String name, double totalReturn, double maxDrawdown, int trades, double winRate, double costs) {
    }

    private final CostModel costs;

    SignalSimulation(CostModel costs) {
        this.costs = costs;
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
