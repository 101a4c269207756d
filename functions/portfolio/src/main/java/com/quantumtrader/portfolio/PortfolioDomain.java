package com.quantumtrader.portfolio;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.events.Domain;
import com.quantumtrader.portfolio.positions.PositionBook;
import com.quantumtrader.portfolio.positions.PositionMonitor;
import com.quantumtrader.portfolio.valuation.AccountMarks;
import com.quantumtrader.portfolio.valuation.MarkToMarket;
import com.quantumtrader.portfolio.valuation.PerformanceReport;
import java.time.Duration;
import java.util.List;

/**
 * Portfolio: positions from fills, realised and unrealised P&L, equity and drawdown, the break-even stop, and
 * the hourly performance snapshot. Discovered through {@link java.util.ServiceLoader}.
 */
public final class PortfolioDomain implements DomainModule {

    public static final String POSITION_MONITOR = "position_monitor";
    public static final String MARK_TO_MARKET = "mark_to_market";
    public static final String PERFORMANCE_JOB = "portfolio_performance";
    public static final Duration PERFORMANCE_PERIOD = Duration.ofHours(1);

    public PortfolioDomain() {
        // ServiceLoader needs a public no-arg constructor
    }

    @Override
    public Domain domain() {
        return Domain.PORTFOLIO;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        PositionBook book = new PositionBook(services.state());
        AccountMarks marks = new AccountMarks(services.state(), book);
        return List.of(
                new HandlerDefinition(POSITION_MONITOR, Domain.PORTFOLIO, new PositionMonitor(book)),
                new HandlerDefinition(MARK_TO_MARKET, Domain.PORTFOLIO,
                        new MarkToMarket(services.policy(), book, marks)));
    }

    @Override
    public List<PeriodicJob> periodicJobs(DomainServices services) {
        PositionBook book = new PositionBook(services.state());
        PerformanceReport report = new PerformanceReport(services.clock(), services.policy(),
                new AccountMarks(services.state(), book), book);
        return List.of(new PeriodicJob(PERFORMANCE_JOB, PERFORMANCE_PERIOD, report::snapshot));
    }
}
