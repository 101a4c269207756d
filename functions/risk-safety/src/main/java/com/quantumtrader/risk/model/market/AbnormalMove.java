package com.quantumtrader.risk.model.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bar's return beyond {@code sigmas} standard deviations of the symbol's recent returns: the circuit breaker's
 * abnormal-volatility trigger.
 */
public final class AbnormalMove {

    private AbnormalMove() {
    }

    /**
     * What trips the breaker, when the new close moves abnormally against the closes before it; empty when the move
     * is normal, the history too short ({@code minReturns}), or the bar not newer than the last close.
     */
    public static Optional<String> detect(String symbol, List<Close> before, Close bar, int minReturns,
                                          BigDecimal sigmasLimit, MarketReturns returns) {
        if (before.isEmpty() || !before.get(before.size() - 1).at().isBefore(bar.at())) {
            return Optional.empty();
        }
        double[] history = returns.returns(before).values().stream().mapToDouble(Double::doubleValue).toArray();
        if (history.length < minReturns) {
            return Optional.empty();
        }
        double mean = Arrays.stream(history).average().orElse(0);
        double sigma = Math.sqrt(Arrays.stream(history).map(r -> (r - mean) * (r - mean)).sum()
                / (history.length - 1));
        Close last = before.get(before.size() - 1);
        double move = bar.price().subtract(last.price()).divide(last.price(), MathContext.DECIMAL64).doubleValue();
        double sigmas = sigmasLimit.doubleValue();
        if (sigma <= 0 || Math.abs(move - mean) <= sigmas * sigma) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s moved %.4f in one bar, %.1f sigma of %d returns (limit %s)",
                symbol, move, Math.abs(move - mean) / sigma, history.length, sigmasLimit.toPlainString()));
    }
}
