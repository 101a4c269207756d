package com.quantumtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.HandlerDefinition;
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
    void publishesPerformanceEveryHour() {
        assertThat(new PortfolioDomain().periodicJobs(portfolio.services)).singleElement()
                .satisfies(job -> assertThat(job.period()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(ServiceLoader.load(DomainModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(PortfolioDomain.class);
    }
}
