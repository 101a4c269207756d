package com.quantumtrader.portfolio.liquidity;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.portfolio.market.MarketHistory;
import com.quantumtrader.portfolio.market.SymbolHistory;
import com.quantumtrader.portfolio.positions.Money;
import com.quantumtrader.portfolio.settings.MarketProfile;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Universe selection: every candidate (a symbol with bars or a market profile) is checked, in this order, for
 * bars, a profile, 24 h quote volume &gt;= minQuoteVolume, spread &lt;= maxSpreadBps, annualised volatility inside
 * [minVolatility, maxVolatility], price &gt;= minPrice and listing age &gt;= minListingAgeDays; the first failed
 * check is the exclusion. Eligible symbols rank by quote volume (highest first), then spread (lowest), then
 * symbol. Volume, price and volatility come from {@code market.price.update}; spread and listing date from the
 * settings' market profiles, because no event carries them yet.
 */
public final class LiquidityFilter {

    private final MarketHistory market;
    private final PortfolioSettings settings;
    private final InstrumentCatalog instruments;

    public LiquidityFilter(MarketHistory market, PortfolioSettings settings, InstrumentCatalog instruments) {
        this.market = market;
        this.settings = settings;
        this.instruments = instruments;
    }

    public List<Emit> rank(Instant now) {
        TreeSet<String> symbols = new TreeSet<>(settings.profiles().keySet());
        market.all().forEach(h -> symbols.add(h.symbol()));
        List<SymbolLiquidity> eligible = new ArrayList<>();
        List<SymbolLiquidity> excluded = new ArrayList<>();
        for (String symbol : symbols) {
            SymbolLiquidity candidate = assess(symbol, market.of(symbol), profile(symbol), now);
            (candidate.eligible() ? eligible : excluded).add(candidate);
        }
        eligible.sort(Comparator.comparing(SymbolLiquidity::quoteVolume).reversed()
                .thenComparing(SymbolLiquidity::spreadBps).thenComparing(SymbolLiquidity::symbol));
        List<SymbolLiquidity> ranked = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            SymbolLiquidity s = eligible.get(i);
            ranked.add(new SymbolLiquidity(s.symbol(), i + 1, true, s.quoteVolume(), s.spreadBps(), s.volatility(),
                    s.price(), s.listingAgeDays(), null));
        }
        List<String> names = ranked.stream().map(SymbolLiquidity::symbol).toList();
        ranked.addAll(excluded);
        return List.of(Emit.of(EventCatalog.PORTFOLIO_LIQUIDITY_RANKED, new LiquidityRanked(now, names,
                List.copyOf(ranked))));
    }

    /**
     * The settings' profile of a symbol when they have one, else one from its instrument: the listing date is the
     * contract's onboard date, the spread {@link PortfolioSettings#UNMEASURED_SPREAD_BPS} (exchangeInfo publishes
     * none). Null when neither knows the symbol.
     */
    private MarketProfile profile(String symbol) {
        MarketProfile configured = settings.profiles().get(symbol);
        if (configured != null) {
            return configured;
        }
        return instruments.find(symbol).filter(i -> i.onboardDate() != null)
                .map(i -> new MarketProfile(PortfolioSettings.UNMEASURED_SPREAD_BPS,
                        LocalDate.ofInstant(i.onboardDate(), ZoneOffset.UTC)))
                .orElse(null);
    }

    private SymbolLiquidity assess(String symbol, Optional<SymbolHistory> history, MarketProfile profile,
                                   Instant now) {
        BigDecimal zero = Money.amount(BigDecimal.ZERO);
        BigDecimal volume = history.map(h -> Money.amount(h.quoteVolume24h(now))).orElse(zero);
        BigDecimal price = history.flatMap(SymbolHistory::lastClose).orElse(zero);
        BigDecimal volatility = history.flatMap(h -> h.annualisedVolatility(settings.volatilityBars(),
                settings.daysPerYear())).orElse(zero);
        BigDecimal spread = profile == null ? zero : profile.spreadBps();
        int age = profile == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(profile.listedOn(),
                LocalDate.ofInstant(now, ZoneOffset.UTC)));
        String exclusion = null;
        if (history.isEmpty() || history.get().bars().isEmpty()) {
            exclusion = "no market data";
        } else if (profile == null) {
            exclusion = "no market profile (spread, listing date)";
        } else if (volume.compareTo(settings.minQuoteVolume()) < 0) {
            exclusion = "24h quote volume " + volume.stripTrailingZeros().toPlainString() + " below "
                    + settings.minQuoteVolume().toPlainString();
        } else if (spread.compareTo(settings.maxSpreadBps()) > 0) {
            exclusion = "spread " + spread.toPlainString() + " bps above " + settings.maxSpreadBps().toPlainString();
        } else if (volatility.signum() == 0) {
            exclusion = "too few bars for a volatility estimate";
        } else if (volatility.compareTo(settings.minVolatility()) < 0
                || volatility.compareTo(settings.maxVolatility()) > 0) {
            exclusion = "volatility " + volatility.stripTrailingZeros().toPlainString() + " outside ["
                    + settings.minVolatility().toPlainString() + ", " + settings.maxVolatility().toPlainString() + "]";
        } else if (price.compareTo(settings.minPrice()) < 0) {
            exclusion = "price " + price.toPlainString() + " below " + settings.minPrice().toPlainString();
        } else if (age < settings.minListingAgeDays()) {
            exclusion = "listed " + age + " days ago, fewer than " + settings.minListingAgeDays();
        }
        return new SymbolLiquidity(symbol, 0, exclusion == null, volume, spread, volatility, price, age, exclusion);
    }
}
