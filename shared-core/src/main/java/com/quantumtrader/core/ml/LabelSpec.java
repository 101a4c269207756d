package com.quantumtrader.core.ml;

/**
 * What a model is trained to predict: "the price moves more than the threshold in the direction within
 * {@code horizonBars} bars". The threshold is the larger of {@code atrMultiple} x ATR({@code atrPeriod}) and the
 * round-trip costs ({@code costBps}: fees plus slippage), so a label never rewards a move that costs more than it
 * pays. A label at bar t is known only once bar t + horizonBars has closed.
 *
 * @param horizonBars how many bars after the decision bar the move may take, at least 1
 * @param atrMultiple threshold in ATRs, 0 or more
 * @param atrPeriod   ATR period in bars, at least 1
 * @param costBps     round-trip fees plus slippage in basis points, 0 or more
 */
public record LabelSpec(int horizonBars, double atrMultiple, int atrPeriod, double costBps) {

    public LabelSpec {
        if (horizonBars < 1 || atrPeriod < 1 || !(atrMultiple >= 0) || !(costBps >= 0)
                || Double.isInfinite(atrMultiple) || Double.isInfinite(costBps)) {
            throw new IllegalArgumentException("label spec needs horizon >= 1, ATR period >= 1 and finite "
                    + "non-negative ATR multiple and costs");
        }
    }
}
