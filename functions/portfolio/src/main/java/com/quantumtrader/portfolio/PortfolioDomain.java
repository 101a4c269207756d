package com.quantumtrader.portfolio;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.Domain;
import com.quantumtrader.portfolio.allocation.BalanceAllocator;
import com.quantumtrader.portfolio.booking.FundingSettlement;
import com.quantumtrader.portfolio.booking.PositionMonitor;
import com.quantumtrader.portfolio.liquidity.LiquidityFilter;
import com.quantumtrader.portfolio.marking.MarkToMarket;
import com.quantumtrader.portfolio.reporting.PerformanceReport;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.store.AccountStore;
import com.quantumtrader.portfolio.store.AllocationStore;
import com.quantumtrader.portfolio.store.EquityCurveStore;
import com.quantumtrader.portfolio.store.MarketStore;
import com.quantumtrader.portfolio.store.PositionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Portfolio: positions from fills with fees and the funding the exchange reports, realised and unrealised P&L,
 * equity and drawdown, the dynamic stop (time exit, break-even, trailing); the hourly performance snapshot with the
 * analyzer's metrics, the balance allocation (hourly check, published on drift) and the daily liquidity ranking.
 * Discovered through {@link java.util.ServiceLoader}.
 */
public final class PortfolioDomain implements DomainModule {

    public static final String POSITION_MONITOR = "position_monitor";
    public static final String MARK_TO_MARKET = "mark_to_market";
    public static final String FUNDING_SETTLEMENT = "funding_settlement";
    public static final String PERFORMANCE_JOB = "portfolio_performance";
    public static final String ALLOCATION_JOB = "balance_allocation";
    public static final String LIQUIDITY_JOB = "liquidity_ranking";
    public static final Duration PERFORMANCE_PERIOD = Duration.ofHours(1);
    public static final Duration ALLOCATION_PERIOD = Duration.ofHours(1);
    public static final Duration LIQUIDITY_PERIOD = Duration.ofHours(24);

    /** Settings fixed by the caller instead of the policy's {@code portfolio} section (tests, benchmarks). */
    private final Optional<PortfolioSettings> fixed;

    /** Reads its settings from the policy's {@code portfolio} section. ServiceLoader needs this constructor. */
    public PortfolioDomain() {
        this.fixed = Optional.empty();
    }

    public PortfolioDomain(PortfolioSettings settings) {
        this.fixed = Optional.of(settings);
    }

    private Supplier<PortfolioSettings> settings(DomainServices services) {
        return fixed.<Supplier<PortfolioSettings>>map(s -> () -> s)
                .orElse(() -> PortfolioSettings.of(services.policy().current()));
    }

    @Override
    public Domain domain() {
        return Domain.PORTFOLIO;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        PositionStore positions = new PositionStore(services.state());
        AccountStore accounts = new AccountStore(services.state(), positions);
        MarketStore market = new MarketStore(services.state());
        EquityCurveStore curve = new EquityCurveStore(services.state());
        Supplier<PortfolioSettings> settings = settings(services);
        return List.of(
                new HandlerDefinition(POSITION_MONITOR, Domain.PORTFOLIO,
                        new PositionMonitor(positions, market, accounts, curve, services.policy(), settings)),
                new HandlerDefinition(MARK_TO_MARKET, Domain.PORTFOLIO, new MarkToMarket(services.policy(), positions,
                        accounts, market, curve, settings, services.instruments())),
                new HandlerDefinition(FUNDING_SETTLEMENT, Domain.PORTFOLIO,
                        new FundingSettlement(positions, accounts, curve, services.policy())));
    }

    @Override
    public List<PeriodicJob> periodicJobs(DomainServices services) {
        PositionStore positions = new PositionStore(services.state());
        AccountStore accounts = new AccountStore(services.state(), positions);
        MarketStore market = new MarketStore(services.state());
        Supplier<PortfolioSettings> settings = settings(services);
        PerformanceReport report = new PerformanceReport(services.clock(), services.policy(), accounts, positions,
                new EquityCurveStore(services.state()), settings);
        BalanceAllocator allocator = new BalanceAllocator(market, new AllocationStore(services.state()), settings);
        LiquidityFilter liquidity = new LiquidityFilter(market, settings, services.instruments());
        return List.of(
                new PeriodicJob(PERFORMANCE_JOB, PERFORMANCE_PERIOD, report::snapshot),
                new PeriodicJob(ALLOCATION_JOB, ALLOCATION_PERIOD, () -> {
                    Policy policy = services.policy().current();
                    return allocator.rebalance(policy, accounts.account().value(policy.accountEquity()).equity(),
                            services.clock().instant());
                }),
                new PeriodicJob(LIQUIDITY_JOB, LIQUIDITY_PERIOD, () -> liquidity.rank(services.clock().instant())));
    }
}
