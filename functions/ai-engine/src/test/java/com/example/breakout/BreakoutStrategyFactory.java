package com.example.breakout;

import com.quantumtrader.ai.spi.ParameterSpec;
import com.quantumtrader.ai.spi.Prices;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategyFactory;
import com.quantumtrader.ai.spi.StrategyParameters;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.events.Side;
import java.util.List;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.num.Num;

/** Goes long when the close breaks above the highest high of the previous {@code lookback} bars. */
public final class BreakoutStrategyFactory implements StrategyFactory {

    @Override
    public String id() {
        return "donchian_breakout";
    }

    @Override
    public String description() {
        return "long on a close above the previous N bars' highest high; stop 2 ATR below, target 3 ATR above";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("lookback", 20, 2, 500, "bars whose highest high the close must beat"),
                // Platt scaling of the score (breakout size in ATRs): fit them on your data; 0/0 says 0.5 always
                ParameterSpec.decimal("platt_a", 0, -100, 100, "calibration slope"),
                ParameterSpec.decimal("platt_b", 0, -100, 100, "calibration intercept"));
    }

    @Override
    public int historyBars(StrategyParameters parameters) {
        return parameters.integer("lookback") + 5 * 14; // the breakout window plus ATR(14) settling
    }

    @Override
    public Strategy create(BarSeries series, Instrument instrument, StrategyParameters parameters) {
        int lookback = parameters.integer("lookback");
        Indicator<Num> close = new ClosePriceIndicator(series);
        Indicator<Num> highest = new HighestValueIndicator(new HighPriceIndicator(series), lookback);
        Indicator<Num> atr = new ATRIndicator(series, 14);
        double a = parameters.decimal("platt_a");
        double b = parameters.decimal("platt_b");
        return index -> {
            double price = close.getValue(index).doubleValue();
            double previousHigh = highest.getValue(index - 1).doubleValue();
            double range = atr.getValue(index).doubleValue();
            if (price <= previousHigh || !(range > 0)) {
                return Optional.empty();
            }
            double score = (price - previousHigh) / range;
            double confidence = 1 / (1 + Math.exp(-(a * score + b)));
            return Optional.of(new TradeIntent(Side.LONG, confidence, score,
                    Prices.toTick(instrument, price - 2 * range),
                    Prices.toTick(instrument, price + 3 * range),
                    "donchian_breakout@v1"));
        };
    }
}
