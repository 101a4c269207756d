package com.quantumtrader.os;

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

class CoreOsDomainTest {

    @Test
    void offersExactlyTheHandlersTheRoutingTableRoutesToTheCoreOs() {
        // given
        List<HandlerDefinition> handlers = new CoreOsDomain().handlers(new DomainFixture().services());

        // then
        assertThat(handlers).extracting(HandlerDefinition::name).containsExactlyInAnyOrderElementsOf(
                RoutingTable.standard().routesOf(Domain.CORE_OS).stream().map(Route::handler).toList());
        assertThat(handlers).extracting(HandlerDefinition::domain).containsOnly(Domain.CORE_OS);
    }

    @Test
    void isDiscoveredByTheServiceLoader() {
        assertThat(ServiceLoader.load(DomainModule.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(CoreOsDomain.class);
        assertThat(new CoreOsDomain().domain()).isEqualTo(Domain.CORE_OS);
    }
}
