package com.quantumtrader.ai.spi;

import com.quantumtrader.core.instrument.Instrument;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;

/**
 * A kind of strategy, found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/com.quantumtrader.ai.spi.StrategyFactory} of the jar that holds it. It needs a public
 * no-argument constructor and no state of its own.
 *
 * <p>Which strategies run on which symbols, with which parameters, is the AI engine's {@code strategy_plan} policy
 * section; the engine validates each entry's parameters with {@link #validate} when the policy is written, so a bad
 * value is refused before anything runs.
 */
public interface StrategyFactory {

    /**
     * Unique id ({@code [a-z][a-z0-9_]*}), what a policy names and a signal's {@code strategy_id} carries, e.g.
     * {@code ma_crossover}. Two factories with the same id on the class path are refused at start.
     */
    String id();

    /** One line for humans: what the strategy trades on. */
    String description();

    /** Every parameter the strategy takes, with its default; a policy may set any subset of them. */
    List<ParameterSpec> parameters();

    /**
     * Checks raw parameter values (as a policy document gives them) against {@link #parameters()}, fills defaults
     * and returns them typed. Override to add checks between parameters (e.g. fast period below slow period), calling
     * {@link StrategyParameters#of} first.
     *
     * @throws InvalidStrategyParameterException naming the strategy and the field
     */
    default StrategyParameters validate(Map<String, ?> raw) {
        return StrategyParameters.of(id(), parameters(), raw);
    }

    /**
     * How many closed bars, the newest included, a decision needs. The engine keeps at least this many per symbol
     * and asks for no decision before it has them.
     */
    int historyBars(StrategyParameters parameters);

    /**
     * A strategy for one symbol.
     *
     * @param series     the symbol's closed bars, owned and appended to by the engine; read it, never modify it
     * @param instrument the symbol's exchange filters: round stop and target to its tick ({@link Prices#toTick})
     * @param parameters as returned by {@link #validate}
     */
    Strategy create(BarSeries series, Instrument instrument, StrategyParameters parameters);
}
