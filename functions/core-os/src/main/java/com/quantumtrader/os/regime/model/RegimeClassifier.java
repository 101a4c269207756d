package com.quantumtrader.os.regime.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Classifies a symbol's market from its last {@value #RETURNS} bar returns ({@value #RETURNS} + 1 closes).
 * <ul>
 *   <li>Volatility: sample standard deviation of the log returns, per bar.</li>
 *   <li>Trend: Kaufman's efficiency ratio, |last close - first close| / sum of |close-to-close moves| (1 = a straight
 *       line, near 0 = going nowhere), signed by the direction of the net move.</li>
 *   <li>VOLATILE when volatility > {@value #VOLATILE_ENTER} (1 % per bar: on hourly bars well beyond a calm
 *       market's 0.3-0.6 %); otherwise TRENDING_UP / TRENDING_DOWN when the efficiency ratio is at least
 *       {@value #TRENDING_ENTER}; otherwise RANGING.</li>
 *   <li>Hysteresis, so a market on a boundary does not flap: a VOLATILE market stays VOLATILE while volatility is
 *       above {@value #VOLATILE_EXIT}; a trending market keeps its trend while the efficiency ratio in its
 *       direction is at least {@value #TRENDING_EXIT}.</li>
 *   <li>Warm-up: no classification until the window is full.</li>
 * </ul>
 * Volatility and trend strength are rounded to 6 decimals.
 */
public final class RegimeClassifier {

    public static final int RETURNS = 48;
    public static final double VOLATILE_ENTER = 0.010;
    public static final double VOLATILE_EXIT = 0.008;
    public static final double TRENDING_ENTER = 0.35;
    public static final double TRENDING_EXIT = 0.25;

    private RegimeClassifier() {
    }

    /**
     * A closed bar taken into the window: the window to keep and, once it is full, the regime before and after
     * with the measures that decided it ({@code regime} null during warm-up).
     */
    public record Step(RegimeWindow window, Regime previous, Regime regime, double volatility,
                       double trendStrength) {

        /** Whether the regime is to be published: classified and different from the one last published. */
        public boolean changed() {
            return regime != null && regime != previous;
        }
    }

    /**
     * Takes a closed bar (newer than the window's newest: see {@link RegimeWindow#accepts}) into the window.
     * {@code logReturn} is {@link #logReturn} or a memo of it.
     */
    public static Step step(RegimeWindow window, BigDecimal close, Instant closeTime,
                            ToDoubleBiFunction<BigDecimal, BigDecimal> logReturn) {
        RegimeWindow next = window.append(close, closeTime, RETURNS + 1);
        if (next.closes().size() <= RETURNS) {
            return new Step(next, next.regime(), null, 0, 0);
        }
        double volatility = round(volatility(next.closes(), logReturn));
        double trendStrength = round(signedEfficiency(next.closes()));
        Regime regime = classify(next.regime(), volatility, trendStrength);
        return new Step(next.withRegime(regime), next.regime(), regime, volatility, trendStrength);
    }

    public static Regime classify(Regime previous, double volatility, double trendStrength) {
        if (volatility > VOLATILE_ENTER || previous == Regime.VOLATILE && volatility > VOLATILE_EXIT) {
            return Regime.VOLATILE;
        }
        if (trendStrength >= TRENDING_ENTER || previous == Regime.TRENDING_UP && trendStrength >= TRENDING_EXIT) {
            return Regime.TRENDING_UP;
        }
        if (-trendStrength >= TRENDING_ENTER || previous == Regime.TRENDING_DOWN && -trendStrength >= TRENDING_EXIT) {
            return Regime.TRENDING_DOWN;
        }
        return Regime.RANGING;
    }

    /** Sample standard deviation of the log returns between consecutive closes. */
    public static double volatility(List<BigDecimal> closes) {
        return volatility(closes, RegimeClassifier::logReturn);
    }

    private static double volatility(List<BigDecimal> closes, ToDoubleBiFunction<BigDecimal, BigDecimal> logReturn) {
        int n = closes.size() - 1;
        double[] returns = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            returns[i] = logReturn.applyAsDouble(closes.get(i), closes.get(i + 1));
            sum += returns[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** ln(to / from), the division in 16 significant digits. */
    public static double logReturn(BigDecimal from, BigDecimal to) {
        return Math.log(to.divide(from, MathContext.DECIMAL64).doubleValue());
    }

    /** Kaufman's efficiency ratio with the sign of the net move; 0 for a flat window. */
    public static double signedEfficiency(List<BigDecimal> closes) {
        BigDecimal path = BigDecimal.ZERO;
        for (int i = 1; i < closes.size(); i++) {
            path = path.add(closes.get(i).subtract(closes.get(i - 1)).abs());
        }
        if (path.signum() == 0) {
            return 0;
        }
        BigDecimal net = closes.get(closes.size() - 1).subtract(closes.get(0));
        return net.divide(path, MathContext.DECIMAL64).doubleValue();
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
