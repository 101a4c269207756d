package com.quantumtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PortfolioDomainTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();

    @Test
    void definesExactlyTheHandlersTheRoutingTableRoutesToPortfolio() {
        var names = new PortfolioDomain().handlers(portfolio.services).stream().map(HandlerDefinition::name).toList();

        assertThat(names).containsExactlyInAnyOrderElementsOf(
                RoutingTable.standard().routesOf(Domain.PORTFOLIO).stream().map(Route::handler).toList());
        assertThat(new PortfolioDomain().handlers(portfolio.services)).extracting(HandlerDefinition::domain)
                .containsOnly(Domain.PORTFOLIO);
    }

    @Test
    void publishesPerformanceAndChecksTheAllocationHourlyAndRanksLiquidityDaily() {
        assertThat(new PortfolioDomain().periodicJobs(portfolio.services))
                .extracting(PeriodicJob::name, PeriodicJob::period)
                .containsExactly(tuple("portfolio_performance", Duration.ofHours(1)),
                        tuple("balance_allocation", Duration.ofHours(1)),
                        tuple("liquidity_ranking", Duration.ofHours(24)));
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(ServiceLoader.load(DomainModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(PortfolioDomain.class);
    }
}
