package com.quantumtrader.os.regime;

import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static com.quantumtrader.events.EventCatalog.OS_REGIME_CHANGED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.memo.StepMemo;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.RegimeChanged;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code regime_detector}: classifies each symbol's market from its last {@value #RETURNS} bar returns
 * ({@value #RETURNS} + 1 closes, kept per symbol and interval in core OS state).
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
 *   <li>Warm-up: nothing until the window is full; the first classification is published without a previous
 *       regime, after that {@code os.regime.changed} only when the regime differs from the last one published.</li>
 *   <li>Only closed bars count; a bar not newer than the newest one kept is a replay and changes nothing.</li>
 * </ul>
 * Volatility and trend strength are published rounded to 6 decimals.
 */
public final class RegimeDetector implements EventHandler {

    static final int RETURNS = 48;
    static final double VOLATILE_ENTER = 0.010;
    static final double VOLATILE_EXIT = 0.008;
    static final double TRENDING_ENTER = 0.35;
    static final double TRENDING_EXIT = 0.25;

    private static final Logger LOG = LoggerFactory.getLogger(RegimeDetector.class);

    /** The windows of a hundred symbols; small enough to stay in cache. */
    private static final int LOG_RETURN_MEMO_LIMIT = 8_192;

    private final DomainServices services;
    /**
     * Each log return by the two closes it spans: the window slides one bar at a time, so without this every bar
     * recomputed its {@value #RETURNS} decimal divisions and logarithms. A pure function's results: no number changes.
     */
    private final StepMemo<BigDecimal> logReturns = new StepMemo<>(LOG_RETURN_MEMO_LIMIT, RegimeDetector::logReturn);

    public RegimeDetector(DomainServices services) {
        this.services = services;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(MARKET_PRICE_UPDATE);
        if (!MarketPriceUpdate.BAR_CLOSE.equals(bar.reason())) {
            return List.of();
        }
        if (bar.close().signum() <= 0) {
            throw new MalformedEventException("bar " + bar.symbol() + " " + bar.closeTime() + " has close "
                    + bar.close() + ": a log return needs a positive price");
        }
        String key = "regime:" + bar.symbol() + ":" + bar.interval();
        RegimeWindow window = services.state().getJson(key, RegimeWindow.class).orElseGet(RegimeWindow::empty);
        if (!window.accepts(bar.closeTime())) {
            return List.of();
        }
        window = window.append(bar.close(), bar.closeTime(), RETURNS + 1);
        if (window.closes().size() <= RETURNS) {
            services.state().putJson(key, window);
            return List.of();
        }
        double volatility = round(volatility(window.closes(), logReturns::apply));
        double trendStrength = round(signedEfficiency(window.closes()));
        Regime previous = window.regime();
        Regime regime = classify(previous, volatility, trendStrength);
        services.state().putJson(key, window.withRegime(regime));
        if (regime == previous) {
            return List.of();
        }
        LOG.info("{} regime {} -> {} (volatility {}, trend {})", bar.symbol(), previous, regime, volatility,
                trendStrength);
        return List.of(Emit.of(OS_REGIME_CHANGED, new RegimeChanged(bar.symbol(),
                previous == null ? null : previous.name(), regime.name(), volatility, trendStrength)));
    }

    static Regime classify(Regime previous, double volatility, double trendStrength) {
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
    static double volatility(List<BigDecimal> closes) {
        return volatility(closes, RegimeDetector::logReturn);
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

    private static double logReturn(BigDecimal from, BigDecimal to) {
        return Math.log(to.divide(from, MathContext.DECIMAL64).doubleValue());
    }

    /** Kaufman's efficiency ratio with the sign of the net move; 0 for a flat window. */
    static double signedEfficiency(List<BigDecimal> closes) {
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
