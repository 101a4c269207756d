package com.quantumtrader.execution.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.bus.EventConsumer;
import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusIntakeTest {

    @Test
    void theInProcessIntakeDeliversTheExecutionRoutesToTheHandlers() {
        // given the execution handlers taking work from the in-process bus
        InProcessEventBus bus = new InProcessEventBus();
        IntakeFixture fixture = new IntakeFixture(bus::publish);
        BusIntake intake = BusIntake.inProcess(bus);
        intake.start(fixture.commands);

        // when risk approves a signal, and the feed publishes a price (not an execution route)
        bus.publish(fixture.approval("SIG-BUS-1"));
        bus.publish(fixture.priceUpdate());

        // then the order was placed, nothing was dead-lettered, and the price did not reach the handlers
        assertThat(fixture.publishedNames()).containsExactly("execution.order.submitted");
        assertThat(bus.deadLetterCount()).isZero();
        assertThat(intake.describe()).startsWith("in-process")
                .contains("signal_executor", "emergency_flattener", "protective_stop_mover");
    }

    @Test
    void whatTheBusRoutedToARouteGoesToThatRoutesHandlerWithoutBeingMatchedAgain() {
        // given the consumer the bus intake subscribes on the protective stop mover's route
        IntakeFixture fixture = new IntakeFixture();
        Route stopMover = RoutingTable.standard().require("protective_stop_mover");
        EventConsumer subscribed = fixture.commands.handlerOf(stopMover);

        // when the bus delivers on it (here: an event the routing table would send elsewhere)
        HandlerOutcome outcome = subscribed.accept(fixture.approval("SIG-ROUTED"));

        // then only that route's handler saw it: the signal executor was not reached by a second routing
        assertThat(outcome.acknowledged()).isFalse();
        assertThat(fixture.metricsOf("signal_executor")).isZero();
        assertThat(fixture.metricsOf("protective_stop_mover")).isEqualTo(1);
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void refusesToSubscribeARouteWithNoHandlerBehindIt() {
        IntakeFixture fixture = new IntakeFixture();
        Route riskRoute = RoutingTable.standard().routes().stream()
                .filter(route -> route.domain() != Domain.EXECUTION).findFirst().orElseThrow();

        assertThatThrownBy(() -> fixture.commands.handlerOf(riskRoute))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(riskRoute.handler());
    }

    @Test
    void aStoppedInProcessIntakeTakesNoMoreWork() {
        InProcessEventBus bus = new InProcessEventBus();
        IntakeFixture fixture = new IntakeFixture();
        BusIntake intake = BusIntake.inProcess(bus);
        intake.start(fixture.commands);

        intake.stop();
        bus.publish(fixture.approval("SIG-AFTER-STOP"));

        assertThat(fixture.published).isEmpty();
    }

    @Test
    void theRedisStreamsIntakeDeliversAnApprovedSignalPublishedByAnotherProcess() throws Exception {
        // given the execution handlers reading the execution streams of Redis
        RedisTestServer.flush();
        try (RedisConnections redis = RedisConnections.connect(RedisTestServer.url());
             RedisStreamsEventBus bus = new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults()
                     .withBlock(Duration.ofMillis(100)).withStreamPrefix("intake-test:"))) {
            IntakeFixture fixture = new IntakeFixture();
            BusIntake intake = BusIntake.redisStreams(bus);
            intake.start(fixture.commands);

            // when risk publishes an approval on the bus
            bus.publish(fixture.approval("SIG-REDIS-1"));

            // then the signal executor places the order (delivery is asynchronous: wait for it, bounded)
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (fixture.published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            intake.stop();
            assertThat(fixture.publishedNames()).containsExactly("execution.order.submitted");
            assertThat(bus.deadLetterCount()).isZero();
            assertThat(intake.describe()).startsWith("redis-streams");
        }
    }
}
