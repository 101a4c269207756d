package com.quantumtrader.portfolio.settings;

import com.quantumtrader.core.policy.Policy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Portfolio's section of the policy document (key {@code portfolio}, {@link PortfolioPolicySection}): its typed view.
 * Fields, bounds and shipped values are in {@code policy/portfolio.schema.json}; JSON names are the snake_case of
 * these components.
 *
 * @param breakEvenAtR          the stop moves to the entry once the close is this many R in favour
 * @param trailingStartR        the stop starts trailing once the best close is this many R in favour
 * @param trailingAtrMultiple   trailing distance behind the best close, in ATRs (1R while no ATR is known)
 * @param atrPeriod             bars of Wilder's average true range
 * @param atrStopMultiple       initial stop distance in ATRs for an entry fill without a stop (for its R)
 * @param maxHoldingHours       a position open this many hours is closed (time exit)
 * @param daysPerYear           annualisation: crypto trades every day
 * @param targetVolatility      annualised volatility each strategy-symbol allocation aims at
 * @param maxSlotWeight         cap of one strategy-symbol allocation, a fraction of equity
 * @param maxSymbolShare        cap of all allocations to one symbol together, a fraction of equity
 * @param rebalanceDrift        republish the allocation once a weight moved by more than this
 * @param volatilityBars        bar returns the volatility estimate uses (at least 2)
 * @param minQuoteVolume        liquidity: minimum 24 h quote volume, USDT
 * @param maxSpreadBps          liquidity: maximum spread, basis points
 * @param minVolatility         liquidity: lower edge of the annualised volatility band
 * @param maxVolatility         liquidity: upper edge of the annualised volatility band
 * @param minPrice              liquidity: minimum price (very low prices trade in coarse ticks)
 * @param minListingAgeDays     liquidity: minimum days since listing
 * @param profiles              measured spread and listing date of symbols; any other symbol of the instrument
 *                              catalog gets its onboard date and {@link #UNMEASURED_SPREAD_BPS}
 */
public record PortfolioSettings(
        BigDecimal breakEvenAtR,
        BigDecimal trailingStartR,
        BigDecimal trailingAtrMultiple,
        int atrPeriod,
        BigDecimal atrStopMultiple,
        int maxHoldingHours,
        int daysPerYear,
        BigDecimal targetVolatility,
        BigDecimal maxSlotWeight,
        BigDecimal maxSymbolShare,
        BigDecimal rebalanceDrift,
        int volatilityBars,
        BigDecimal minQuoteVolume,
        BigDecimal maxSpreadBps,
        BigDecimal minVolatility,
        BigDecimal maxVolatility,
        BigDecimal minPrice,
        int minListingAgeDays,
        Map<String, MarketProfile> profiles) {

    /**
     * Spread assumed for a symbol without a measured one: exchangeInfo publishes none and execution publishes no
     * book ticker yet; 1 bp is typical of the liquid USDT perpetuals the instrument snapshot lists.
     */
    public static final BigDecimal UNMEASURED_SPREAD_BPS = BigDecimal.ONE;

    /**
     * The shipped values (the section's default in its schema fragment): conservative caps. No funding setting: the
     * exchange reports funding ({@code execution.funding.paid}), portfolio books what it reports.
     */
    public static PortfolioSettings defaults() {
        return PortfolioPolicySection.FRAGMENT.shippedDefault(PortfolioPolicySection.KEY, PortfolioSettings.class);
    }

    /** Portfolio's view of a policy (cached per policy version). */
    public static PortfolioSettings of(Policy policy) {
        return policy.section(PortfolioPolicySection.SECTION);
    }

    /** A position open this long is closed (time exit). */
    public Duration maxHolding() {
        return Duration.ofHours(maxHoldingHours);
    }

    public PortfolioSettings withProfiles(Map<String, MarketProfile> newProfiles) {
        return new PortfolioSettings(breakEvenAtR, trailingStartR, trailingAtrMultiple, atrPeriod, atrStopMultiple,
                maxHoldingHours, daysPerYear, targetVolatility, maxSlotWeight, maxSymbolShare, rebalanceDrift,
                volatilityBars, minQuoteVolume, maxSpreadBps, minVolatility, maxVolatility, minPrice, minListingAgeDays,
                newProfiles);
    }
}
