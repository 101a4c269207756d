package com.quantumtrader.portfolio.reporting;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.portfolio.analysis.model.Performance;
import com.quantumtrader.portfolio.analysis.model.PortfolioAnalysis;
import com.quantumtrader.portfolio.store.AccountStore;
import com.quantumtrader.portfolio.store.EquityCurveStore;
import com.quantumtrader.portfolio.store.PositionStore;
import com.quantumtrader.portfolio.valuation.model.Account;
import com.quantumtrader.portfolio.valuation.model.DrawdownState;
import com.quantumtrader.portfolio.valuation.model.Valuation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import com.quantumtrader.portfolio.settings.PortfolioSettings;

/**
 * The periodic {@code portfolio.performance} snapshot ({@link Performance}) and, with it, the analyzer's
 * {@code portfolio.metrics.reported} ({@link PortfolioAnalysis}), as of the clock; reads state, changes none.
 */
public final class PerformanceReport {

    private final Clock clock;
    private final PolicyReader policy;
    private final AccountStore accounts;
    private final PositionStore positions;
    private final EquityCurveStore curve;
    private final Supplier<PortfolioSettings> settings;

    public PerformanceReport(Clock clock, PolicyReader policy, AccountStore accounts, PositionStore positions,
                             EquityCurveStore curve, Supplier<PortfolioSettings> settings) {
        this.clock = clock;
        this.policy = policy;
        this.accounts = accounts;
        this.positions = positions;
        this.curve = curve;
        this.settings = settings;
    }

    public List<Emit> snapshot() {
        Policy current = policy.current();
        Instant now = clock.instant();
        Account account = accounts.account();
        Valuation valuation = account.value(current.accountEquity());
        DrawdownState drawdown = accounts.drawdown().orElse(DrawdownState.initial(current.accountEquity()));
        PortfolioAnalysis.History history = new PortfolioAnalysis.History(curve.days(), curve.since(),
                account.ledger(), positions.closedTrades(), account.openPositions());
        return List.of(
                Emit.of(EventCatalog.PORTFOLIO_PERFORMANCE, Performance.of(now, valuation, drawdown, account.ledger())),
                Emit.of(EventCatalog.PORTFOLIO_METRICS_REPORTED,
                        new PortfolioAnalysis(settings.get().daysPerYear()).report(current.accountEquity(), history,
                                valuation, now)));
    }
}
