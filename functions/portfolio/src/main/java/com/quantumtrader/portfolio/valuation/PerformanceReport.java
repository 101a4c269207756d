package com.quantumtrader.portfolio.valuation;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.portfolio.analysis.PortfolioAnalyzer;
import com.quantumtrader.portfolio.positions.Ledger;
import com.quantumtrader.portfolio.positions.Money;
import com.quantumtrader.portfolio.positions.PositionBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;

/**
 * The periodic {@code portfolio.performance} snapshot and, with it, the analyzer's
 * {@code portfolio.metrics.reported}, as of the clock; reads state, changes none.
 */
public final class PerformanceReport {

    static final int WIN_RATE_SCALE = 4;

    private final Clock clock;
    private final PolicyReader policy;
    private final AccountMarks marks;
    private final PositionBook book;
    private final PortfolioAnalyzer analyzer;

    public PerformanceReport(Clock clock, PolicyReader policy, AccountMarks marks, PositionBook book,
                             PortfolioAnalyzer analyzer) {
        this.clock = clock;
        this.policy = policy;
        this.marks = marks;
        this.book = book;
        this.analyzer = analyzer;
    }

    public List<Emit> snapshot() {
        Policy current = policy.current();
        Valuation valuation = marks.value(current);
        BigDecimal peak = marks.drawdown(current).peakEquity().max(valuation.equity());
        Ledger ledger = book.ledger();
        BigDecimal winRate = ledger.closedTrades() == 0 ? BigDecimal.ZERO.setScale(WIN_RATE_SCALE)
                : BigDecimal.valueOf(ledger.winningTrades())
                        .divide(BigDecimal.valueOf(ledger.closedTrades()), WIN_RATE_SCALE, RoundingMode.HALF_EVEN);
        return List.of(Emit.of(EventCatalog.PORTFOLIO_PERFORMANCE, new PortfolioPerformance(clock.instant(),
                valuation.equity(), Money.amount(peak), valuation.drawdownFrom(peak), valuation.realized(),
                valuation.unrealized(), valuation.fees(), valuation.openPositions(), ledger.closedTrades(), winRate)),
                Emit.of(EventCatalog.PORTFOLIO_METRICS_REPORTED, analyzer.report(current, valuation,
                        clock.instant())));
    }
}
