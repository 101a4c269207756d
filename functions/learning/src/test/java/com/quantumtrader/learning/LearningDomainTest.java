package com.quantumtrader.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.core.testing.DomainFixture;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LearningDomainTest {

    @Test
    void offersExactlyTheHandlersTheRoutingTableRoutesToLearning() {
        // given
        List<HandlerDefinition> handlers = new LearningDomain().handlers(new DomainFixture().services());

        // then
        assertThat(handlers).extracting(HandlerDefinition::name).containsExactlyInAnyOrderElementsOf(
                RoutingTable.standard().routesOf(Domain.LEARNING).stream().map(Route::handler).toList());
        assertThat(handlers).extracting(HandlerDefinition::domain).containsOnly(Domain.LEARNING);
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(ServiceLoader.load(DomainModule.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(LearningDomain.class);
        assertThat(new LearningDomain().domain()).isEqualTo(Domain.LEARNING);
    }
}
