package com.quantumtrader.ai.strategies;

import com.quantumtrader.ai.spi.InvalidStrategyParameterException;
import com.quantumtrader.ai.spi.ParameterSpec;
import com.quantumtrader.ai.spi.Prices;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.ml.calibration.PlattScaling;
import com.quantumtrader.events.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * {@code mean_reversion}: fades a stretched move in a ranging market.
 * <ul>
 *   <li>Ranging: ADX({@code adx_period}) below {@code max_adx} (no trend strong enough to run over the fade).</li>
 *   <li>LONG when the close has just moved below the lower Bollinger band ({@code bollinger_period},
 *       {@code bollinger_k} standard deviations) with RSI({@code rsi_period}) at or below {@code rsi_oversold};
 *       SHORT mirrored above the upper band with RSI at or above {@code rsi_overbought}. "Just": the previous bar was
 *       not already beyond the band, so one stretch gives one signal.</li>
 *   <li>Target: the middle band (the mean it reverts to), at least {@code min_target_atr} ATR away or no trade;
 *       stop {@code stop_atr} ATR (Wilder, {@code atr_period}) against the trade; both on the tick.</li>
 *   <li>Score = |close - middle| / standard deviation (how stretched); confidence = Platt scaling of it.</li>
 * </ul>
 */
public final class MeanReversion implements StrategyFactory {

    static final String ID = "mean_reversion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bollinger band / RSI fade back to the mean, only while ADX says the market ranges";
    }

    @Override
    public List<ParameterSpec> parameters() {
        PlattScaling fitted = FittedCalibrations.MEAN_REVERSION;
        return List.of(
                ParameterSpec.integer("bollinger_period", 20, 2, 500, "closes in the Bollinger mean and deviation"),
                ParameterSpec.decimal("bollinger_k", 2, 0.5, 5, "band width in standard deviations"),
                ParameterSpec.integer("rsi_period", 14, 2, 500, "bars in Wilder's RSI"),
                ParameterSpec.decimal("rsi_oversold", 30, 0, 100, "a long needs RSI at or below this"),
                ParameterSpec.decimal("rsi_overbought", 70, 0, 100, "a short needs RSI at or above this"),
                ParameterSpec.integer("adx_period", 14, 2, 500, "bars in the ADX"),
                ParameterSpec.decimal("max_adx", 20, 0, 100, "no trade while ADX is at or above this (trending)"),
                ParameterSpec.integer("atr_period", 14, 1, 500, "bars in Wilder's ATR"),
                ParameterSpec.decimal("stop_atr", 1.5, 0.1, 50, "stop distance in ATRs"),
                ParameterSpec.decimal("min_target_atr", 0.5, 0, 50, "no trade when the mean is closer than this"),
                ParameterSpec.decimal("platt_a", fitted.a(), -1000, 1000, "Platt slope (fitted)"),
                ParameterSpec.decimal("platt_b", fitted.b(), -1000, 1000, "Platt intercept (fitted)"));
    }

    @Override
    public StrategyParameters validate(Map<String, ?> raw) {
        StrategyParameters p = StrategyParameters.of(ID, parameters(), raw);
        if (p.decimal("rsi_oversold") >= p.decimal("rsi_overbought")) {
            throw new InvalidStrategyParameterException(ID, "rsi_oversold", "must be below rsi_overbought "
                    + p.decimal("rsi_overbought") + " but is " + p.decimal("rsi_oversold"));
        }
        return p;
    }

    /** The Bollinger window, and five periods of the slowest Wilder average so RSI, ATR and ADX have settled. */
    @Override
    public int historyBars(StrategyParameters p) {
        int wilder = Math.max(p.integer("rsi_period"), Math.max(p.integer("adx_period"), p.integer("atr_period")));
        return Math.max(p.integer("bollinger_period") + 1, 5 * wilder);
    }

    @Override
    public Strategy create(BarSeries series, Instrument instrument, StrategyParameters p) {
        return new Rule(series, instrument, p);
    }

    private static final class Rule implements Strategy {

        private final Instrument instrument;
        private final Indicator<Num> close;
        private final Indicator<Num> middle;
        private final Indicator<Num> deviation;
        private final Indicator<Num> lower;
        private final Indicator<Num> upper;
        private final Indicator<Num> rsi;
        private final Indicator<Num> adx;
        private final Indicator<Num> atr;
        private final StrategyParameters p;
        private final PlattScaling calibration;

        Rule(BarSeries series, Instrument instrument, StrategyParameters p) {
            this.instrument = instrument;
            this.p = p;
            this.close = new ClosePriceIndicator(series);
            int period = p.integer("bollinger_period");
            BollingerBandsMiddleIndicator mean = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
            this.middle = mean;
            this.deviation = new StandardDeviationIndicator(close, period);
            Num k = series.numOf(p.decimal("bollinger_k"));
            this.lower = new BollingerBandsLowerIndicator(mean, deviation, k);
            this.upper = new BollingerBandsUpperIndicator(mean, deviation, k);
            this.rsi = new RSIIndicator(close, p.integer("rsi_period"));
            this.adx = new ADXIndicator(series, p.integer("adx_period"));
            this.atr = new ATRIndicator(series, p.integer("atr_period"));
            this.calibration = new PlattScaling(p.decimal("platt_a"), p.decimal("platt_b"));
        }

        @Override
        public Optional<TradeIntent> decide(int index) {
            Side side = stretchStartingAt(index);
            if (side == null || adx.getValue(index).doubleValue() >= p.decimal("max_adx")) {
                return Optional.empty();
            }
            double price = close.getValue(index).doubleValue();
            double mean = middle.getValue(index).doubleValue();
            double range = atr.getValue(index).doubleValue();
            double sd = deviation.getValue(index).doubleValue();
            if (!(range > 0) || !(sd > 0) || Math.abs(mean - price) < p.decimal("min_target_atr") * range) {
                return Optional.empty();
            }
            double score = Math.abs(price - mean) / sd;
            BigDecimal stop = Prices.toTick(instrument, price - side.sign() * p.decimal("stop_atr") * range);
            return Optional.of(new TradeIntent(side, calibration.calibrate(score), score, stop,
                    Prices.toTick(instrument, mean), ID + "@v1"));
        }

        /** LONG or SHORT when the close is beyond a band with RSI agreeing now but was not on the bar before. */
        private Side stretchStartingAt(int index) {
            double rsiNow = rsi.getValue(index).doubleValue();
            if (below(index) && !below(index - 1) && rsiNow <= p.decimal("rsi_oversold")) {
                return Side.LONG;
            }
            if (above(index) && !above(index - 1) && rsiNow >= p.decimal("rsi_overbought")) {
                return Side.SHORT;
            }
            return null;
        }

        private boolean below(int index) {
            return close.getValue(index).doubleValue() < lower.getValue(index).doubleValue();
        }

        private boolean above(int index) {
            return close.getValue(index).doubleValue() > upper.getValue(index).doubleValue();
        }
    }
}
