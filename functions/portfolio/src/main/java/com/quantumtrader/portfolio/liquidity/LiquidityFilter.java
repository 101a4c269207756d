package com.quantumtrader.portfolio.liquidity;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.portfolio.liquidity.model.LiquidityRules;
import com.quantumtrader.portfolio.liquidity.model.LiquidityRules.Candidate;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.settings.MarketProfile;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.store.MarketStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The daily liquidity ranking ({@code portfolio.liquidity.ranked}): candidates are the symbols with bars and the
 * symbols with a market profile, ranked by {@link LiquidityRules}. Volume, price and volatility come from
 * {@code market.price.update}; spread and listing date from the settings' market profiles, because no event
 * carries them yet.
 */
public final class LiquidityFilter {

    private final MarketStore market;
    private final Supplier<PortfolioSettings> settings;
    private final InstrumentCatalog instruments;

    public LiquidityFilter(MarketStore market, Supplier<PortfolioSettings> settings, InstrumentCatalog instruments) {
        this.market = market;
        this.settings = settings;
        this.instruments = instruments;
    }

    public List<Emit> rank(Instant now) {
        PortfolioSettings portfolio = settings.get();
        Map<String, Optional<SymbolHistory>> bySymbol = new TreeMap<>();
        portfolio.profiles().keySet().forEach(symbol -> bySymbol.put(symbol, Optional.empty()));
        market.all().forEach(history -> bySymbol.put(history.symbol(), Optional.of(history)));
        List<Candidate> candidates = bySymbol.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue(), profile(e.getKey(), portfolio))).toList();
        return List.of(Emit.of(EventCatalog.PORTFOLIO_LIQUIDITY_RANKED,
                new LiquidityRules(portfolio).rank(candidates, now)));
    }

    /**
     * The settings' profile of a symbol when they have one, else one from its instrument: the listing date is the
     * contract's onboard date, the spread {@link PortfolioSettings#UNMEASURED_SPREAD_BPS} (exchangeInfo publishes
     * none). Null when neither knows the symbol.
     */
    private MarketProfile profile(String symbol, PortfolioSettings settings) {
        MarketProfile configured = settings.profiles().get(symbol);
        if (configured != null) {
            return configured;
        }
        return instruments.find(symbol).filter(i -> i.onboardDate() != null)
                .map(i -> new MarketProfile(PortfolioSettings.UNMEASURED_SPREAD_BPS,
                        LocalDate.ofInstant(i.onboardDate(), ZoneOffset.UTC)))
                .orElse(null);
    }
}
