package com.quantumtrader.events.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * The liquidity filter's ranking of candidate symbols, for core OS to turn into the active universe.
 *
 * @param eligible   the symbols that passed every filter, most liquid first
 * @param candidates every candidate: the eligible ones in rank order, then the excluded ones by symbol
 */
public record LiquidityRanked(
        Instant asOf,
        List<String> eligible,
        List<SymbolLiquidity> candidates) {
}
