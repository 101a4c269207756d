package com.quantumtrader.execution.exchange;

import com.quantumtrader.core.instrument.InstrumentCatalog;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the paper exchange behaves: which contracts it lists, what it charges and how much a taker loses to the book.
 *
 * @param symbols               contract rules by symbol; an order for any other symbol is rejected
 * @param takerFeeRate          fraction of notional charged to an order that takes liquidity (0.0004 = 4 bps)
 * @param makerFeeRate          fraction of notional charged to a LIMIT order that rested on the book and was hit
 *                              (0.0002 = 2 bps); market, stop and take-profit orders always pay the taker rate
 * @param baseSpreadBps         quoted spread in basis points; a taker crosses half of it
 * @param rangeSlippageFraction share of the fill bar's high-low range a taker additionally loses (volatility impact)
 * @param fundingRate           funding rate per 8 h settlement (00:00, 08:00, 16:00 UTC) applied to every open
 *                              position: positive, longs pay shorts; negative, shorts pay longs; zero charges nothing
 * @param latency               delay from placing an order until the matching engine sees it
 * @param takerVolumeShare      share of a bar's volume the part of a LIMIT order that trades on arrival may take
 *                              (an IOC beyond it fills partly); market orders always fill whole, the slippage model
 *                              prices their impact
 */
public record SimulatedExchangeSettings(
        Map<String, SymbolRules> symbols,
        BigDecimal takerFeeRate,
        BigDecimal makerFeeRate,
        BigDecimal baseSpreadBps,
        BigDecimal rangeSlippageFraction,
        BigDecimal fundingRate,
        SimulatedLatency latency,
        BigDecimal takerVolumeShare) {

    private static final BigDecimal MAX_FEE_RATE = new BigDecimal("0.01");
    /** Binance caps most USD-M contracts' funding at +-3 % per interval; 5 % leaves room and still catches typos. */
    private static final BigDecimal MAX_FUNDING_RATE = new BigDecimal("0.05");
    public static final BigDecimal DEFAULT_FUNDING_RATE = new BigDecimal("0.0001");
    public static final BigDecimal DEFAULT_TAKER_VOLUME_SHARE = new BigDecimal("0.25");

    public SimulatedExchangeSettings {
        Objects.requireNonNull(symbols, "symbols");
        SortedMap<String, SymbolRules> sorted = new TreeMap<>(symbols);
        sorted.forEach((symbol, rules) -> {
            if (!symbol.equals(rules.symbol())) {
                throw new IllegalArgumentException("rules listed under " + symbol + " are for " + rules.symbol());
            }
        });
        symbols = Collections.unmodifiableSortedMap(sorted);
        fraction("takerFeeRate", takerFeeRate, MAX_FEE_RATE);
        fraction("makerFeeRate", makerFeeRate, MAX_FEE_RATE);
        fraction("baseSpreadBps", baseSpreadBps, new BigDecimal("1000"));
        fraction("rangeSlippageFraction", rangeSlippageFraction, BigDecimal.ONE);
        if (fundingRate == null || fundingRate.abs().compareTo(MAX_FUNDING_RATE) > 0) {
            throw new IllegalArgumentException("fundingRate must be between -" + MAX_FUNDING_RATE.toPlainString()
                    + " and " + MAX_FUNDING_RATE.toPlainString() + " but is " + fundingRate);
        }
        Objects.requireNonNull(latency, "latency");
        fraction("takerVolumeShare", takerVolumeShare, BigDecimal.ONE);
        if (takerVolumeShare.signum() == 0) {
            throw new IllegalArgumentException("takerVolumeShare must be above 0: a limit order could never take");
        }
    }

    /** Fees and slippage only: the default funding rate, no latency, the default taker volume share. */
    public SimulatedExchangeSettings(Map<String, SymbolRules> symbols, BigDecimal takerFeeRate, BigDecimal makerFeeRate,
                                     BigDecimal baseSpreadBps, BigDecimal rangeSlippageFraction) {
        this(symbols, takerFeeRate, makerFeeRate, baseSpreadBps, rangeSlippageFraction, DEFAULT_FUNDING_RATE,
                SimulatedLatency.NONE, DEFAULT_TAKER_VOLUME_SHARE);
    }

    /**
     * Every TRADING perpetual of the shipped instrument snapshot, 4 bps taker / 2 bps maker, a 2 bps spread and 5 %
     * of the bar's range, 0.01 % funding per 8 h (Binance's base rate), no latency, a limit order's taker part up to
     * 25 % of a bar's volume.
     */
    public static SimulatedExchangeSettings defaults() {
        return new SimulatedExchangeSettings(listed(InstrumentCatalog.bundled()),
                new BigDecimal("0.0004"), new BigDecimal("0.0002"), new BigDecimal("2"), new BigDecimal("0.05"));
    }

    /** The same costs, listing exactly the TRADING perpetuals of {@code instruments} (delivery contracts: none). */
    public SimulatedExchangeSettings listing(InstrumentCatalog instruments) {
        return new SimulatedExchangeSettings(listed(instruments), takerFeeRate, makerFeeRate, baseSpreadBps,
                rangeSlippageFraction, fundingRate, latency, takerVolumeShare);
    }

    private static Map<String, SymbolRules> listed(InstrumentCatalog instruments) {
        Map<String, SymbolRules> listed = new TreeMap<>();
        instruments.instruments().stream().filter(i -> i.whyNotTradable().isEmpty())
                .forEach(i -> listed.put(i.symbol(), SymbolRules.of(i)));
        return listed;
    }

    public SimulatedExchangeSettings withSlippage(BigDecimal spreadBps, BigDecimal rangeFraction) {
        return new SimulatedExchangeSettings(symbols, takerFeeRate, makerFeeRate, spreadBps, rangeFraction, fundingRate,
                latency, takerVolumeShare);
    }

    public SimulatedExchangeSettings withFees(BigDecimal takerRate, BigDecimal makerRate) {
        return new SimulatedExchangeSettings(symbols, takerRate, makerRate, baseSpreadBps, rangeSlippageFraction,
                fundingRate, latency, takerVolumeShare);
    }

    public SimulatedExchangeSettings withSymbol(SymbolRules rules) {
        Map<String, SymbolRules> more = new TreeMap<>(symbols);
        more.put(rules.symbol(), rules);
        return new SimulatedExchangeSettings(more, takerFeeRate, makerFeeRate, baseSpreadBps, rangeSlippageFraction,
                fundingRate, latency, takerVolumeShare);
    }

    public SimulatedExchangeSettings withFundingRate(BigDecimal rate) {
        return new SimulatedExchangeSettings(symbols, takerFeeRate, makerFeeRate, baseSpreadBps, rangeSlippageFraction,
                rate, latency, takerVolumeShare);
    }

    public SimulatedExchangeSettings withLatency(SimulatedLatency orderLatency) {
        return new SimulatedExchangeSettings(symbols, takerFeeRate, makerFeeRate, baseSpreadBps, rangeSlippageFraction,
                fundingRate, orderLatency, takerVolumeShare);
    }

    public SimulatedExchangeSettings withTakerVolumeShare(BigDecimal share) {
        return new SimulatedExchangeSettings(symbols, takerFeeRate, makerFeeRate, baseSpreadBps, rangeSlippageFraction,
                fundingRate, latency, share);
    }

    private static void fraction(String name, BigDecimal value, BigDecimal max) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max.toPlainString() + " but is " + value);
        }
    }
}
