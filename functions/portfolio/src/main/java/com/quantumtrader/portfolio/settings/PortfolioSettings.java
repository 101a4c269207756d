package com.quantumtrader.portfolio.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Portfolio's own settings, constants for now (the policy document is owned elsewhere; each of these is a
 * candidate policy field, listed in {@code functions/portfolio/README.md}).
 *
 * @param breakEvenAtR          the stop moves to the entry once the close is this many R in favour
 * @param trailingStartR        the stop starts trailing once the best close is this many R in favour
 * @param trailingAtrMultiple   trailing distance behind the best close, in ATRs (1R while no ATR is known)
 * @param atrPeriod             bars of Wilder's average true range
 * @param atrStopMultiple       initial stop distance in ATRs for an entry fill without a stop (for its R)
 * @param maxHolding            a position open this long is closed (time exit)
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
        Duration maxHolding,
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
     * The defaults: conservative caps. No funding setting: the exchange reports funding
     * ({@code execution.funding.paid}), portfolio books what it reports.
     */
    public static PortfolioSettings defaults() {
        return new PortfolioSettings(
                BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("2"), 14, new BigDecimal("2"),
                Duration.ofHours(72), 365,
                new BigDecimal("0.20"), new BigDecimal("0.50"), new BigDecimal("0.40"), new BigDecimal("0.05"), 48,
                new BigDecimal("10000000"), new BigDecimal("5"), new BigDecimal("0.10"), new BigDecimal("3.00"),
                new BigDecimal("0.01"), 90,
                Map.of("BTCUSDT", new MarketProfile(new BigDecimal("0.2"), LocalDate.parse("2019-09-08")),
                        "ETHUSDT", new MarketProfile(new BigDecimal("0.3"), LocalDate.parse("2019-11-27"))));
    }

    public PortfolioSettings withProfiles(Map<String, MarketProfile> newProfiles) {
        return new PortfolioSettings(breakEvenAtR, trailingStartR, trailingAtrMultiple, atrPeriod, atrStopMultiple,
                maxHolding, daysPerYear, targetVolatility, maxSlotWeight, maxSymbolShare, rebalanceDrift,
                volatilityBars, minQuoteVolume, maxSpreadBps, minVolatility, maxVolatility, minPrice, minListingAgeDays,
                newProfiles);
    }
}
