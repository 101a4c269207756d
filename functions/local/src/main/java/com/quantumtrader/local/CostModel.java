package com.quantumtrader.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.exchange.FundingSchedule;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What trading costs in a local run: the simulated exchange's fees, slippage and the funding it settles on open
 * positions (reported as {@code execution.funding.paid}, which portfolio books). One value object so that the
 * command line, the platform and the report agree on it.
 *
 * @param takerFeeRate          fraction of notional an order that takes liquidity pays (0.0004 = 4 bps)
 * @param makerFeeRate          fraction of notional a resting order pays when it is hit
 * @param spreadBps             quoted spread in basis points; a taker crosses half of it
 * @param rangeSlippageFraction share of the fill bar's high-low range a taker additionally loses
 * @param fundingRate           funding rate per 8 h interval (positive: longs pay shorts); zero when off
 * @param fundingEnabled        false when funding was switched off (then the rate is zero)
 * @param fundingHistory        rates the exchange really settled ({@code --funding-file}): their symbols are settled
 *                              at those times and rates, other symbols at {@code fundingRate} every 8 h
 */
record CostModel(BigDecimal takerFeeRate, BigDecimal makerFeeRate, BigDecimal spreadBps,
                 BigDecimal rangeSlippageFraction, BigDecimal fundingRate, boolean fundingEnabled,
                 Optional<FundingFiles.Loaded> fundingHistory) {

    static final BigDecimal MAX_FEE_RATE = new BigDecimal("0.01");
    static final BigDecimal MAX_SPREAD_BPS = new BigDecimal("1000");
    // A funding rate is legitimately negative (shorts pay); the bound only catches typos such as 1 for 1 bps.
    static final BigDecimal MAX_FUNDING_RATE = new BigDecimal("0.05");

    CostModel {
        List<String> problems = new ArrayList<>();
        within(problems, "--taker-fee", takerFeeRate, BigDecimal.ZERO, MAX_FEE_RATE);
        within(problems, "--maker-fee", makerFeeRate, BigDecimal.ZERO, MAX_FEE_RATE);
        within(problems, "--spread-bps", spreadBps, BigDecimal.ZERO, MAX_SPREAD_BPS);
        within(problems, "--range-slippage", rangeSlippageFraction, BigDecimal.ZERO, BigDecimal.ONE);
        within(problems, "--funding-rate", fundingRate, MAX_FUNDING_RATE.negate(), MAX_FUNDING_RATE);
        if (!fundingEnabled && fundingRate != null && fundingRate.signum() != 0) {
            problems.add("funding is off but its rate is " + fundingRate.toPlainString());
        }
        fundingHistory = fundingHistory == null ? Optional.empty() : fundingHistory;
        if (!fundingEnabled && fundingHistory.isPresent()) {
            problems.add("--funding-file and --no-funding exclude each other");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    CostModel(BigDecimal takerFeeRate, BigDecimal makerFeeRate, BigDecimal spreadBps,
              BigDecimal rangeSlippageFraction, BigDecimal fundingRate, boolean fundingEnabled) {
        this(takerFeeRate, makerFeeRate, spreadBps, rangeSlippageFraction, fundingRate, fundingEnabled,
                Optional.empty());
    }

    /** The simulated exchange's built-in defaults (Binance USD-M's base tier and base funding rate). */
    static CostModel defaults() {
        SimulatedExchangeSettings exchange = SimulatedExchangeSettings.defaults();
        return new CostModel(exchange.takerFeeRate(), exchange.makerFeeRate(), exchange.baseSpreadBps(),
                exchange.rangeSlippageFraction(), exchange.fundingRate(), true);
    }

    CostModel withFees(BigDecimal taker, BigDecimal maker) {
        return new CostModel(taker, maker, spreadBps, rangeSlippageFraction, fundingRate, fundingEnabled,
                fundingHistory);
    }

    CostModel withSlippage(BigDecimal spread, BigDecimal rangeFraction) {
        return new CostModel(takerFeeRate, makerFeeRate, spread, rangeFraction, fundingRate, fundingEnabled,
                fundingHistory);
    }

    CostModel withFundingRate(BigDecimal rate) {
        return new CostModel(takerFeeRate, makerFeeRate, spreadBps, rangeSlippageFraction, rate, true,
                fundingHistory);
    }

    CostModel withoutFunding() {
        return new CostModel(takerFeeRate, makerFeeRate, spreadBps, rangeSlippageFraction, BigDecimal.ZERO, false);
    }

    /** Funding settled from {@code history} for its symbols, at the constant rate for the others. */
    CostModel withFundingHistory(FundingFiles.Loaded history) {
        return new CostModel(takerFeeRate, makerFeeRate, spreadBps, rangeSlippageFraction, fundingRate, true,
                Optional.of(history));
    }

    /** When the simulated exchange settles funding and at which rate. */
    FundingSchedule fundingSchedule() {
        FundingSchedule constant = FundingSchedule.constant(fundingEnabled ? fundingRate : BigDecimal.ZERO);
        return fundingHistory.map(history -> FundingSchedule.recorded(history.rates(), constant)).orElse(constant);
    }

    /** The simulated exchange as configured: funding off is a zero rate, at which it settles and reports nothing. */
    SimulatedExchangeSettings exchangeSettings() {
        return SimulatedExchangeSettings.defaults().withFees(takerFeeRate, makerFeeRate)
                .withSlippage(spreadBps, rangeSlippageFraction)
                .withFundingRate(fundingEnabled ? fundingRate : BigDecimal.ZERO);
    }

    /** The report's statement of the cost model, with how each part is applied. */
    ObjectNode json() {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("taker_fee_rate", takerFeeRate);
        node.put("maker_fee_rate", makerFeeRate);
        node.put("fees", "fraction of each fill's notional (price x quantity), rounded to 8 decimals; an order that "
                + "takes liquidity pays the taker rate, one that rests and is hit the maker rate");
        node.put("spread_bps", spreadBps);
        node.put("range_slippage_fraction", rangeSlippageFraction);
        node.put("slippage", "a taker fills spread_bps / 2 plus range_slippage_fraction of the fill bar's high-low "
                + "range (relative to its open) worse than the reference price, rounded to the tick against it");
        node.put("funding_enabled", fundingEnabled);
        node.put("funding_source", !fundingEnabled ? "off" : fundingHistory.isPresent()
                ? "historical funding-rate files for their symbols, the constant rate for any other symbol"
                : "constant rate");
        node.put("funding_rate_per_interval", fundingRate);
        node.put("funding_interval_hours", SimulatedExchange.FUNDING_INTERVAL.toHours());
        node.put("funding", fundingEnabled
                ? "the simulated exchange settles funding at 00:00, 08:00 and 16:00 UTC on every open position: "
                        + "-position x mark x rate (rate > 0: longs pay, shorts receive), the mark being the open of "
                        + "the bar that starts at the funding time (else the last close); each payment is an "
                        + "execution.funding.paid, which the portfolio books on the position's trade"
                : "off: the simulated exchange settles no funding");
        fundingHistory.ifPresent(history -> {
            node.put("funding", "for a symbol with a funding-rate file, the simulated exchange settles at each time "
                    + "of the file (to the minute) at its rate, on every open position: -position x mark x rate, the "
                    + "mark being the open of the bar that starts at that time (else the last close); other "
                    + "symbols at the constant rate every 8 h; each payment is an execution.funding.paid");
            ObjectNode files = node.putObject("funding_files");
            history.bySymbol().forEach((symbol, rates) -> {
                ObjectNode entry = files.putObject(symbol);
                ArrayNode names = entry.putArray("files");
                rates.files().forEach(names::add);
                entry.put("settlements", rates.rates().size());
                entry.put("first", rates.first().toString());
                entry.put("last", rates.last().toString());
            });
        });
        return node;
    }

    private static void within(List<String> problems, String option, BigDecimal value, BigDecimal min,
                               BigDecimal max) {
        if (value == null) {
            problems.add(option + " is missing");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(option + " must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + ", got " + value.toPlainString());
        }
    }
}
