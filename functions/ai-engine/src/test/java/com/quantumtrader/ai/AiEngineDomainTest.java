package com.quantumtrader.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AiEngineDomainTest {

    @Test
    void offersExactlyTheHandlersTheRoutingTableRoutesToTheAiEngine() {
        // given
        List<HandlerDefinition> handlers = new AiEngineDomain().handlers(new DomainFixture().services());

        // then
        assertThat(handlers).extracting(HandlerDefinition::name).containsExactlyInAnyOrderElementsOf(
                RoutingTable.standard().routesOf(Domain.AI_ENGINE).stream().map(Route::handler).toList());
        assertThat(handlers).extracting(HandlerDefinition::domain).containsOnly(Domain.AI_ENGINE);
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(ServiceLoader.load(DomainModule.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(AiEngineDomain.class);
        assertThat(new AiEngineDomain().domain()).isEqualTo(Domain.AI_ENGINE);
    }
}
