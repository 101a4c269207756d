package com.quantumtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RiskSafetyDomainTest {

    private final RiskFixture risk = new RiskFixture();

    @Test
    void definesExactlyTheHandlersTheRoutingTableRoutesToRiskSafety() {
        var names = new RiskSafetyDomain().handlers(risk.services).stream().map(HandlerDefinition::name).toList();

        assertThat(names).containsExactlyInAnyOrderElementsOf(
                RoutingTable.standard().routesOf(Domain.RISK_SAFETY).stream().map(Route::handler).toList());
        assertThat(new RiskSafetyDomain().handlers(risk.services)).extracting(HandlerDefinition::domain)
                .containsOnly(Domain.RISK_SAFETY);
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(ServiceLoader.load(DomainModule.class).stream().map(ServiceLoader.Provider::type))
                .contains(RiskSafetyDomain.class);
        assertThat(new RiskSafetyDomain().domain()).isEqualTo(Domain.RISK_SAFETY);
    }
}
