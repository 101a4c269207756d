package com.quantumtrader.ai.spi;

import java.util.Optional;

/**
 * One strategy running on one symbol's closed bars: created by its {@link StrategyFactory} over the symbol's
 * {@link org.ta4j.core.BarSeries}, then asked once per closed bar, in order, whether to trade.
 *
 * <p><b>State.</b> The engine owns the series and appends every closed bar to it before calling {@link #decide}.
 * A strategy may keep ta4j indicators built over that series (they cache their values and so compute incrementally,
 * bar by bar) but no other state: its decision at bar {@code index} must be a function of its parameters and the
 * series' bars up to {@code index}. That is what lets the same strategy run unchanged in a backtest (one series for
 * the whole run), in paper and in a Lambda (after a restart or a cold start the engine rebuilds the series from the
 * AI engine's stored bar window and creates the strategy again). The window holds
 * {@link StrategyFactory#historyBars} bars, so recursive indicators (EMA, Wilder's RSI/ATR/ADX) must settle within
 * that many bars; ask for several times their period.
 *
 * <p><b>Causality.</b> Never read a bar after {@code index}; the engine only ever passes the newest index, but
 * calibration and training replay a whole history through the same method.
 *
 * <p>Not shared between threads: the engine calls one instance from one thread at a time.
 */
public interface Strategy {

    /**
     * @param index a closed bar of the series, at least {@code series.getBeginIndex() + historyBars - 1}
     * @return what to trade at that bar's close, or empty for no trade
     */
    Optional<TradeIntent> decide(int index);
}
