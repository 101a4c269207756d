package com.quantumtrader.portfolio.analysis.model;

import com.quantumtrader.events.portfolio.SliceMetrics;
import com.quantumtrader.portfolio.market.model.Statistics;
import com.quantumtrader.portfolio.positions.model.ClosedTrade;
import com.quantumtrader.portfolio.positions.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The analyzer's metrics of one slice (the account, a strategy or a symbol). Definitions, as in
 * {@code functions/portfolio/README.md}:
 * <ul>
 * <li>returns r_1..r_n are daily (UTC days); the account's are equity returns close_d / open_d - 1; a slice's are
 * its P&L realised that day / the account's equity at the day's open (its contribution);</li>
 * <li>total return: the account's last close / starting equity - 1; a slice's sum of its returns;</li>
 * <li>annualised return = mean(r) x 365; annualised volatility = sample stdev(r) (n - 1) x sqrt(365);</li>
 * <li>Sharpe = mean(r) / sample stdev(r) x sqrt(365), risk-free rate 0; Sortino = mean(r) / downside deviation x
 * sqrt(365), downside deviation = sqrt(sum(min(r, 0)^2) / n); both 0 when the denominator is 0;</li>
 * <li>max drawdown: largest (peak - value) / peak of the curve V_0 = 1, V_d = V_{d-1} x (1 + r_d) for the account
 * (the equity curve itself), V_d = V_{d-1} + r_d for a slice; its duration: most days from a peak to the day the
 * curve regained it, or to the last day if it has not; Calmar = annualised return / max drawdown (0 without one);
 * <li>win rate = trades with P&L &gt; 0 / trades; profit factor = sum of wins / |sum of losses| (absent without a
 * loss); expectancy = mean P&L per trade; average R = mean R of the trades that have one;</li>
 * <li>exposure = time with at least one position of the slice open / time since the first mark.</li>
 * </ul>
 * Arithmetic in {@link Statistics#MATH} (16 digits); ratios reported at 8 decimals, half-even.
 */
final class Metrics {

    static final MathContext MATH = Statistics.MATH;

    private Metrics() {
    }

    /** An interval a position of the slice was open. */
    record Exposure(Instant from, Instant to) {
    }

    static SliceMetrics of(String scope, String key, List<BigDecimal> dailyReturns, boolean compounding,
                           BigDecimal totalReturn, int daysPerYear, List<ClosedTrade> trades,
                           List<Exposure> exposures, Instant since, Instant now) {
        BigDecimal year = BigDecimal.valueOf(daysPerYear);
        BigDecimal sqrtYear = year.sqrt(MATH);
        BigDecimal mean = Statistics.mean(dailyReturns);
        BigDecimal stdev = Statistics.sampleStdev(dailyReturns);
        BigDecimal downside = Statistics.downsideDeviation(dailyReturns);
        BigDecimal annualReturn = mean.multiply(year, MATH);
        BigDecimal sharpe = stdev.signum() == 0 ? BigDecimal.ZERO : mean.divide(stdev, MATH).multiply(sqrtYear, MATH);
        BigDecimal sortino = downside.signum() == 0 ? BigDecimal.ZERO
                : mean.divide(downside, MATH).multiply(sqrtYear, MATH);
        Drawdown drawdown = drawdown(dailyReturns, compounding);
        BigDecimal calmar = drawdown.max().signum() == 0 ? BigDecimal.ZERO
                : annualReturn.divide(drawdown.max(), MATH);

        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal wins = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        BigDecimal rSum = BigDecimal.ZERO;
        int winning = 0;
        int withR = 0;
        for (ClosedTrade trade : trades) {
            pnl = pnl.add(trade.realizedPnl());
            fees = fees.add(trade.fees());
            funding = funding.add(trade.funding());
            if (trade.realizedPnl().signum() > 0) {
                winning++;
                wins = wins.add(trade.realizedPnl());
            } else if (trade.realizedPnl().signum() < 0) {
                losses = losses.add(trade.realizedPnl().negate());
            }
            if (trade.rMultiple() != null) {
                withR++;
                rSum = rSum.add(trade.rMultiple());
            }
        }
        int n = trades.size();
        BigDecimal count = BigDecimal.valueOf(Math.max(n, 1));
        return new SliceMetrics(scope, key, ratio(totalReturn), ratio(annualReturn),
                ratio(stdev.multiply(sqrtYear, MATH)), ratio(sharpe), ratio(sortino), ratio(calmar),
                ratio(drawdown.max()), drawdown.longestDays(), n,
                n == 0 ? ratio(BigDecimal.ZERO) : ratio(BigDecimal.valueOf(winning).divide(count, MATH)),
                losses.signum() == 0 ? null : ratio(wins.divide(losses, MATH)),
                n == 0 ? Money.amount(BigDecimal.ZERO) : Money.amount(pnl.divide(count, MATH)),
                withR == 0 ? null : ratio(rSum.divide(BigDecimal.valueOf(withR), MATH)),
                ratio(exposure(exposures, since, now)), Money.amount(pnl), Money.amount(fees),
                Money.amount(funding));
    }

    record Drawdown(BigDecimal max, int longestDays) {
    }

    static Drawdown drawdown(List<BigDecimal> returns, boolean compounding) {
        BigDecimal value = BigDecimal.ONE;
        BigDecimal peak = BigDecimal.ONE;
        int peakDay = 0;
        BigDecimal max = BigDecimal.ZERO;
        int longest = 0;
        for (int day = 1; day <= returns.size(); day++) {
            BigDecimal r = returns.get(day - 1);
            value = compounding ? value.multiply(BigDecimal.ONE.add(r), MATH) : value.add(r, MATH);
            if (value.compareTo(peak) >= 0) {
                if (day - peakDay > 1) {
                    longest = Math.max(longest, day - peakDay); // regained the peak after days below it
                }
                peak = value;
                peakDay = day;
            } else {
                max = max.max(peak.subtract(value).divide(peak, MATH));
                longest = Math.max(longest, day - peakDay); // still below: counts up to the last day
            }
        }
        return new Drawdown(max, longest);
    }

    /** Union of the intervals, clipped to [since, now], over the time since. */
    static BigDecimal exposure(List<Exposure> exposures, Instant since, Instant now) {
        long total = Duration.between(since, now).toSeconds();
        if (total <= 0) {
            return BigDecimal.ZERO;
        }
        List<Exposure> sorted = new ArrayList<>(exposures);
        sorted.sort(Comparator.comparing(Exposure::from));
        long covered = 0;
        Instant end = since;
        for (Exposure e : sorted) {
            Instant from = e.from().isBefore(end) ? end : e.from();
            Instant to = e.to().isAfter(now) ? now : e.to();
            if (to.isAfter(from)) {
                covered += Duration.between(from, to).toSeconds();
                end = to;
            }
        }
        return BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(total), MATH);
    }

    private static BigDecimal ratio(BigDecimal value) {
        return value.setScale(Money.SCALE, RoundingMode.HALF_EVEN);
    }
}
