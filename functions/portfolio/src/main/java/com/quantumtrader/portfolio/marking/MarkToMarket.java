package com.quantumtrader.portfolio.marking;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.portfolio.analysis.model.EquityDays;
import com.quantumtrader.portfolio.market.model.SymbolHistory;
import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.store.AccountStore;
import com.quantumtrader.portfolio.store.EquityCurveStore;
import com.quantumtrader.portfolio.store.MarketStore;
import com.quantumtrader.portfolio.store.PositionStore;
import com.quantumtrader.portfolio.valuation.model.Account;
import com.quantumtrader.portfolio.valuation.model.DrawdownState;
import com.quantumtrader.portfolio.valuation.model.DrawdownWatch;
import com.quantumtrader.portfolio.valuation.model.Marking;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code market.price.update}: keeps the symbol's recent bars (ATR, volatility, volume), then {@link Marking} over
 * the account loaded once: marks the symbol at the close, moves the open position's stop (each move a
 * {@code portfolio.sl.adjusted} that execution turns into a new stop order), values the account, extends the daily
 * equity curve and raises {@code portfolio.drawdown.high} once per upward crossing of the policy's alert and
 * emergency drawdowns. Funding is not estimated here: the exchange reports it ({@code execution.funding.paid}).
 */
public final class MarkToMarket implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MarkToMarket.class);

    private final PolicyReader policy;
    private final PositionStore positions;
    private final AccountStore accounts;
    private final MarketStore market;
    private final EquityCurveStore curve;
    private final Supplier<PortfolioSettings> settings;
    private final InstrumentCatalog instruments;

    public MarkToMarket(PolicyReader policy, PositionStore positions, AccountStore accounts, MarketStore market,
                        EquityCurveStore curve, Supplier<PortfolioSettings> settings, InstrumentCatalog instruments) {
        this.policy = policy;
        this.positions = positions;
        this.accounts = accounts;
        this.market = market;
        this.curve = curve;
        this.settings = settings;
        this.instruments = instruments;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = validated(event.payload(EventCatalog.MARKET_PRICE_UPDATE));
        PortfolioSettings portfolio = settings.get();
        SymbolHistory history = record(bar, portfolio);
        Account account = accounts.account();
        Policy current = policy.current();
        Marking.Outcome outcome = new Marking(portfolio).mark(account, markable(bar, history, account, portfolio),
                current.accountEquity(),
                accounts.drawdown().orElse(DrawdownState.initial(current.accountEquity())),
                new DrawdownWatch.Limits(current.drawdownAlert(), current.emergencyDrawdown()));
        accounts.mark(bar.symbol(), bar.close());
        outcome.position().ifPresent(mark -> positions.save(mark.after()));
        EquityDays.at(curve.latest(), bar.closeTime(), current.accountEquity(), outcome.valuation(),
                account.ledger().funding()).ifPresent(curve::save);
        accounts.save(outcome.drawdown().state());
        return MarkingEvents.of(outcome);
    }

    private static MarketPriceUpdate validated(MarketPriceUpdate bar) {
        if (bar.close() == null || bar.close().signum() <= 0 || bar.closeTime() == null) {
            throw new MalformedEventException("bar of " + bar.symbol() + " needs a positive close and a close time");
        }
        return bar;
    }

    /** The symbol's bars with this one; stored when it added a bar. */
    private SymbolHistory record(MarketPriceUpdate bar, PortfolioSettings settings) {
        SymbolHistory stored = market.of(bar.symbol()).orElse(SymbolHistory.empty(bar.symbol()));
        Optional<SymbolHistory> next = stored.after(bar, settings.atrPeriod(),
                SymbolHistory.barsToKeep(settings.volatilityBars()));
        next.ifPresent(market::save);
        return next.orElse(stored);
    }

    /** The bar with what its symbol's position needs: the ATR after it and the instrument's tick. */
    private Marking.Bar markable(MarketPriceUpdate bar, SymbolHistory history, Account account,
                                 PortfolioSettings settings) {
        return new Marking.Bar(bar.symbol(), bar.close(), bar.closeTime(),
                history.averageTrueRange(settings.atrPeriod()), account.position(bar.symbol()).flatMap(this::tickSize));
    }

    /** The position's instrument tick; a stop off the exchange's grid would be rejected, so none moves without. */
    private Optional<BigDecimal> tickSize(Position position) {
        Optional<BigDecimal> tick = instruments.find(position.symbol()).map(Instrument::tickSize);
        if (tick.isEmpty() && position.stopPrice() != null) {
            LOG.warn("{} stop not moved: no instrument data for it in {}", position.symbol(), instruments.source());
        }
        return tick;
    }
}
