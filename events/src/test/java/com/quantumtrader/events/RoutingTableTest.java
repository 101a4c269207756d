package com.quantumtrader.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

class RoutingTableTest {

    /**
     * The seed's "Events Subscribed" list of each domain (ARCHITECTURE_V2_DOMAINS.md), plus the orchestrator's
     * closed bars that issue 2 names (the seed leaves market data to the AI engine implicitly).
     */
    private static final Map<Domain, List<String>> SEED_SUBSCRIPTIONS = Map.of(
            Domain.AI_ENGINE, List.of("trade.closed", "portfolio.performance", "market.price.update"),
            Domain.EXECUTION, List.of("risk.signal.approved", "safety.emergency.stop"),
            Domain.RISK_SAFETY, List.of("ai.signal.generated", "portfolio.drawdown.high", "execution.order.failed"),
            Domain.PORTFOLIO, List.of("execution.order.filled", "market.price.update"),
            Domain.LEARNING, List.of("trade.closed", "ai.model.degraded", "portfolio.performance"),
            Domain.CORE_OS, List.of("ai.signal.generated", "portfolio.performance", "learning.drift.detected"));

    private static final RoutingTable TABLE = RoutingTable.standard();

    static Stream<Route> routes() {
        return TABLE.routes().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyPatternMatchesASampleOfItsEventsAndNoOtherCatalogEvent(Route route) {
        Set<String> patternEvents = new LinkedHashSet<>();
        route.pattern().path("detail-type").forEach(name -> patternEvents.add(name.asText()));

        List<String> matched = eventsMatchedBy(route).stream().map(EventType::name).toList();

        assertThat(patternEvents).as("events named by the pattern of " + route.handler()).isNotEmpty();
        assertThat(matched).as("catalog events matched by " + route.handler())
                .containsExactlyInAnyOrderElementsOf(patternEvents);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyPatternSelectsItsEventOnlyFromTheProducer(Route route) throws Exception {
        Machine machine = new Machine();
        machine.addRule(route.handler(), route.patternJson());
        for (JsonNode name : route.pattern().path("detail-type")) {
            EventType<?> type = EventCatalog.require(name.asText());
            JsonNode forged = SamplePayloads.entry(type).put("source", "quantum.impostor");

            assertThat(machine.rulesForJSONEvent(EventJson.write(forged)))
                    .as(route.handler() + " must ignore " + type.name() + " from a foreign source").isEmpty();
        }
    }

    @Test
    void everyRouteHasADomainAndAUniqueHandlerName() {
        List<String> handlers = new ArrayList<>();
        for (Route route : TABLE.routes()) {
            assertThat(route.domain()).as(route.handler()).isNotNull();
            assertThat(route.handler()).matches("[a-z][a-z0-9_]*");
            handlers.add(route.handler());
        }

        assertThat(handlers).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void everySubscriptionOfTheSeedIsRoutedToItsDomain() {
        SEED_SUBSCRIPTIONS.forEach((domain, events) -> {
            for (String event : events) {
                EventType<?> type = EventCatalog.require(event);
                assertThat(CatalogDoc.subscribers(type, TABLE)).extracting(Route::domain)
                        .as(domain.id() + " subscribes to " + event).contains(domain);
            }
        });
    }

    @Test
    void routesAreLookedUpByHandlerAndByDomain() {
        assertThat(TABLE.require("signal_executor").domain()).isEqualTo(Domain.EXECUTION);
        assertThat(TABLE.routesOf(Domain.EXECUTION)).extracting(Route::handler).contains("signal_executor");
        assertThat(TABLE.route("no_such_handler")).isEmpty();
        assertThatThrownBy(() -> TABLE.require("no_such_handler"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_handler");
    }

    @Test
    void aRouteRunsInItsDomainsModuleUnlessItNamesAnother() {
        Route projection = TABLE.require("trading_projection");

        assertThat(TABLE.require("regime_detector").module()).isEqualTo("core-os");
        assertThat(TABLE.require("global_risk_controller").module()).isEqualTo("risk-safety");
        assertThat(projection.domain()).isEqualTo(Domain.CORE_OS);
        assertThat(projection.module()).isEqualTo("api");
        assertThat(TABLE.routesOf(Domain.CORE_OS)).extracting(Route::handler)
                .contains("regime_detector").doesNotContain("trading_projection");
        assertThat(TABLE.routesRunBy("api")).containsExactly(projection);
        assertThat(TABLE.routesRunBy("core-os")).isEmpty();
    }

    @Test
    void tableWithAModuleThatIsNotANameIsRefused() {
        JsonNode root = EventJson.readTree("""
                {"routes": [{"handler": "h", "domain": "core_os", "module": 3,
                             "pattern": {"detail-type": ["trade.closed"]}}]}""");

        assertThatThrownBy(() -> RoutingTable.parse(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handler 'h' has a module that is not a name");
    }

    @Test
    void tableWithADuplicateHandlerIsRefused() {
        JsonNode root = EventJson.readTree("""
                {"routes": [
                  {"handler": "twice", "domain": "portfolio", "pattern": {"detail-type": ["trade.closed"]}},
                  {"handler": "twice", "domain": "learning",  "pattern": {"detail-type": ["trade.closed"]}}
                ]}""");

        assertThatThrownBy(() -> RoutingTable.parse(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate handler name 'twice'");
    }

    @Test
    void tableWithAnUnknownDomainIsRefused() {
        JsonNode root = EventJson.readTree("""
                {"routes": [{"handler": "h", "domain": "marketing", "pattern": {"detail-type": ["trade.closed"]}}]}""");

        assertThatThrownBy(() -> RoutingTable.parse(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown domain 'marketing'");
    }

    @Test
    void tableWithARouteWithoutPatternIsRefused() {
        JsonNode root = EventJson.readTree("""
                {"routes": [{"handler": "h", "domain": "learning"}]}""");

        assertThatThrownBy(() -> RoutingTable.parse(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handler 'h' has no pattern");
    }

    /** Catalog events whose sample entry, complete with envelope and payload, the route's pattern selects. */
    static List<EventType<?>> eventsMatchedBy(Route route) {
        try {
            Machine machine = new Machine();
            machine.addRule(route.handler(), route.patternJson());
            List<EventType<?>> matched = new ArrayList<>();
            for (EventType<?> type : EventCatalog.all()) {
                if (machine.rulesForJSONEvent(EventJson.write(SamplePayloads.busEvent(type))).contains(route.handler())) {
                    matched.add(type);
                }
            }
            return matched;
        } catch (Exception e) {
            throw new AssertionError("pattern of " + route.handler() + " is not usable by event-ruler", e);
        }
    }
}
