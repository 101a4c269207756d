package com.quantumtrader.risk;

import static com.quantumtrader.risk.SignalBuilder.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every handler added for the governor, the market watch, the lifecycle and operator commands, behind the real
 * HandlerRuntime: the second delivery of the same event is a duplicate that writes nothing to risk's state and
 * publishes nothing.
 */
class RedeliveryTest {

    private final CountingStore state = new CountingStore(new InMemoryKeyValueStore());
    private final RiskFixture risk = new RiskFixture(new SimulatedClock(RiskFixture.START), state);
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final List<BusEvent> published = new ArrayList<>();

    static Stream<Arguments> handlersAndTheirEvents() {
        return Stream.of(
                Arguments.of(RiskSafetyDomain.RISK_MARKET_WATCH, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate("BTCUSDT", "1m",
                                RiskFixture.START.minusSeconds(60), RiskFixture.START, BigDecimal.TEN,
                                BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("30000"), BigDecimal.ONE,
                                MarketPriceUpdate.BAR_CLOSE))),
                Arguments.of(RiskSafetyDomain.SYSTEM_HEALTH_MONITOR, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.OS_SELF_HEALING_TRIGGERED,
                                new SelfHealingTriggered("exchange", "websocket down", "reconnect"))),
                Arguments.of(RiskSafetyDomain.MODEL_HEALTH_MONITOR, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.AI_MODEL_DEGRADED,
                                new ModelDegraded("model-1", "ma_crossover", "win_rate", 0.3, 0.4, 50))),
                Arguments.of(RiskSafetyDomain.ORDER_LIFECYCLE_TRACKER, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.EXECUTION_ORDER_SUBMITTED, new OrderSubmitted(t.approvedId(),
                                "cid-1", "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY, "MARKET",
                                new BigDecimal("0.083"), null, false))),
                Arguments.of(RiskSafetyDomain.ORDER_LIFECYCLE_TRACKER, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.EXECUTION_ORDER_FILLED, new OrderFilled(t.approvedId(), "cid-1",
                                "BTCUSDT", OrderSide.BUY, OrderPurpose.ENTRY, new BigDecimal("0.083"),
                                new BigDecimal("0.083"), true, new BigDecimal("30000"), new BigDecimal("30000"),
                                new BigDecimal("1"), "USDT", new BigDecimal("29400"), new BigDecimal("31200"),
                                "ma_crossover", "model-1", RiskFixture.START))),
                Arguments.of(RiskSafetyDomain.POSITION_LIFECYCLE_TRACKER, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened("pos-1", "BTCUSDT",
                                Side.LONG, new BigDecimal("0.083"), new BigDecimal("30000"),
                                new BigDecimal("29400"), new BigDecimal("31200"), t.approvedId(), "ma_crossover",
                                "model-1"))),
                Arguments.of(RiskSafetyDomain.OPERATOR_COMMAND_EXECUTOR, (Function<RedeliveryTest, BusEvent>) t ->
                        t.risk.event(EventCatalog.OS_OPERATOR_COMMAND, new OperatorCommand("cmd-1",
                                OperatorCommand.Kind.EMERGENCY_STOP, "halt", "alice"))));
    }

    private String approvedId() {
        SignalApproved approved = risk.approved(aSignal().build());
        return approved.signalId();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlersAndTheirEvents")
    void aSecondDeliveryChangesNothing(String handler, Function<RedeliveryTest, BusEvent> eventFor) {
        BusEvent event = eventFor.apply(this);
        HandlerRuntime runtime = new HandlerRuntime(risk.handlers.get(handler), idempotency, risk.events,
                published::add);
        HandlerOutcome first = runtime.dispatch(event);
        int writes = state.writes;
        List<BusEvent> publishedOnce = List.copyOf(published);
        risk.advance(Duration.ofMinutes(1));

        HandlerOutcome second = runtime.dispatch(event);

        assertThat(first.status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(state.writes).as("writes to risk's state").isEqualTo(writes);
        assertThat(published).isEqualTo(publishedOnce);
    }

    /** Counts every change to the store, so a test can prove a delivery changed nothing. */
    static final class CountingStore implements KeyValueStore {

        private final KeyValueStore delegate;
        int writes;

        CountingStore(KeyValueStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<String> get(String key) {
            return delegate.get(key);
        }

        @Override
        public void put(String key, String value) {
            writes++;
            delegate.put(key, value);
        }

        @Override
        public void delete(String key) {
            writes++;
            delegate.delete(key);
        }

        @Override
        public long increment(String key, long delta) {
            writes++;
            return delegate.increment(key, delta);
        }

        @Override
        public Map<String, String> hashGetAll(String key) {
            return delegate.hashGetAll(key);
        }

        @Override
        public Optional<String> hashGet(String key, String field) {
            return delegate.hashGet(key, field);
        }

        @Override
        public void hashPut(String key, String field, String value) {
            writes++;
            delegate.hashPut(key, field, value);
        }

        @Override
        public void hashDelete(String key, String field) {
            writes++;
            delegate.hashDelete(key, field);
        }
    }
}
