package com.quantumtrader.ai.strategies;

import com.quantumtrader.ai.spi.ParameterSpec;
import com.quantumtrader.ai.spi.Prices;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import com.quantumtrader.events.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.num.Num;

/**
 * The trend rule, the platform's baseline: a moving-average crossover behind a volatility filter.
 * <ul>
 *   <li>LONG when the fast simple average of closes was at or below the slow one on the previous bar and is above it
 *       now; SHORT the other way round. Averages closer than 1e-12 of the slow one count as equal, so decimal prices
 *       that tie exactly still tie in doubles.</li>
 *   <li>Volatility filter: ATR / close within [{@code min_atr_fraction}, {@code max_atr_fraction}], ATR being the
 *       simple mean of the true range over {@code atr_period} bars (not Wilder's smoothing, so a decision depends
 *       only on the last {@code slow_period + 1} bars: the same after a restart as in an unbroken run).</li>
 *   <li>Stop {@code stop_atr} ATR against the trade, target {@code target_atr} ATR with it, on the tick.</li>
 *   <li>Score = |fast - slow| / ATR; confidence = Platt scaling of the score ({@code platt_a}, {@code platt_b}).</li>
 * </ul>
 */
abstract class MovingAverageCrossover implements StrategyFactory {

    private static final double TIE = 1e-12;

    private final String id;
    private final double defaultMaxAtrFraction;
    private final PlattScaling calibration;

    MovingAverageCrossover(String id, double defaultMaxAtrFraction, PlattScaling calibration) {
        this.id = id;
        this.defaultMaxAtrFraction = defaultMaxAtrFraction;
        this.calibration = calibration;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "moving-average crossover (fast over slow SMA of closes) with an ATR/price band filter";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("fast_period", 10, 1, 500, "closes in the fast simple moving average"),
                ParameterSpec.integer("slow_period", 30, 2, 1000, "closes in the slow simple moving average"),
                ParameterSpec.integer("atr_period", 14, 1, 500, "bars in the average true range"),
                ParameterSpec.decimal("min_atr_fraction", 0.001, 0, 1, "no trade when ATR / close is below"),
                ParameterSpec.decimal("max_atr_fraction", defaultMaxAtrFraction, 0, 1,
                        "no trade when ATR / close is above"),
                ParameterSpec.decimal("stop_atr", 2, 0.1, 50, "stop distance in ATRs"),
                ParameterSpec.decimal("target_atr", 3, 0.1, 100, "target distance in ATRs"),
                ParameterSpec.decimal("platt_a", calibration.a(), -1000, 1000, "Platt slope (fitted)"),
                ParameterSpec.decimal("platt_b", calibration.b(), -1000, 1000, "Platt intercept (fitted)"));
    }

    @Override
    public StrategyParameters validate(Map<String, ?> raw) {
        StrategyParameters p = StrategyParameters.of(id, parameters(), raw);
        if (p.integer("fast_period") >= p.integer("slow_period")) {
            throw new com.quantumtrader.ai.spi.InvalidStrategyParameterException(id, "fast_period",
                    "must be below slow_period " + p.integer("slow_period") + " but is " + p.integer("fast_period"));
        }
        if (p.decimal("min_atr_fraction") >= p.decimal("max_atr_fraction")) {
            throw new com.quantumtrader.ai.spi.InvalidStrategyParameterException(id, "min_atr_fraction",
                    "must be below max_atr_fraction " + p.decimal("max_atr_fraction") + " but is "
                            + p.decimal("min_atr_fraction"));
        }
        return p;
    }

    @Override
    public int historyBars(StrategyParameters p) {
        return Math.max(p.integer("slow_period"), p.integer("atr_period")) + 1;
    }

    @Override
    public Strategy create(BarSeries series, Instrument instrument, StrategyParameters p) {
        return new Rule(id + "@v1", series, instrument, p);
    }

    private static final class Rule implements Strategy {

        private final String producedBy;
        private final Instrument instrument;
        private final Indicator<Num> close;
        private final Indicator<Num> fast;
        private final Indicator<Num> slow;
        private final Indicator<Num> atr;
        private final double minAtrFraction;
        private final double maxAtrFraction;
        private final double stopAtr;
        private final double targetAtr;
        private final PlattScaling calibration;

        Rule(String producedBy, BarSeries series, Instrument instrument, StrategyParameters p) {
            this.producedBy = producedBy;
            this.instrument = instrument;
            this.close = new ClosePriceIndicator(series);
            this.fast = new SMAIndicator(close, p.integer("fast_period"));
            this.slow = new SMAIndicator(close, p.integer("slow_period"));
            this.atr = new SMAIndicator(new TRIndicator(series), p.integer("atr_period"));
            this.minAtrFraction = p.decimal("min_atr_fraction");
            this.maxAtrFraction = p.decimal("max_atr_fraction");
            this.stopAtr = p.decimal("stop_atr");
            this.targetAtr = p.decimal("target_atr");
            this.calibration = new PlattScaling(p.decimal("platt_a"), p.decimal("platt_b"));
        }

        @Override
        public Optional<TradeIntent> decide(int index) {
            double slowNow = slow.getValue(index).doubleValue();
            double spread = fast.getValue(index).doubleValue() - slowNow;
            int now = sign(spread, slowNow);
            int before = sign(fast.getValue(index - 1).doubleValue() - slow.getValue(index - 1).doubleValue(),
                    slowNow);
            Side side = before <= 0 && now > 0 ? Side.LONG : before >= 0 && now < 0 ? Side.SHORT : null;
            if (side == null) {
                return Optional.empty();
            }
            double price = close.getValue(index).doubleValue();
            double range = atr.getValue(index).doubleValue();
            double atrFraction = range / price;
            if (atrFraction < minAtrFraction || atrFraction > maxAtrFraction) {
                return Optional.empty();
            }
            double score = Math.abs(spread) / range;
            int sign = side.sign();
            return Optional.of(new TradeIntent(side, calibration.calibrate(score), score,
                    Prices.toTick(instrument, price - sign * stopAtr * range),
                    Prices.toTick(instrument, price + sign * targetAtr * range), producedBy));
        }

        private static int sign(double difference, double scale) {
            return Math.abs(difference) <= TIE * Math.abs(scale) ? 0 : difference > 0 ? 1 : -1;
        }
    }
}
