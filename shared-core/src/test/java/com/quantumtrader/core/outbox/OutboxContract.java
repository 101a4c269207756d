package com.quantumtrader.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.core.state.StateWrite;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on every store: state and events written together, published once each under one id. */
abstract class OutboxContract {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    protected KeyValueStore store;
    private SimulatedClock clock;
    private final List<BusEvent> bus = new ArrayList<>();

    /** A new, empty store of the execution domain. */
    protected abstract KeyValueStore newStore();

    @BeforeEach
    void givenAnEmptyStore() {
        store = newStore();
        clock = new SimulatedClock(T0);
        bus.clear();
    }

    private EventFactory events(long seed) {
        return new EventFactory(clock, new EventIds(clock, new SplittableRandom(seed)));
    }

    static Emit funding(String amount) {
        return Emit.of(EventCatalog.EXECUTION_FUNDING_PAID, new FundingPaid("BTCUSDT", T0, new BigDecimal("0.0001"),
                new BigDecimal("61000.0"), new BigDecimal("0.010"), new BigDecimal(amount), "USDT"));
    }

    static Emit priceUpdate() {
        return Emit.of(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate("BTCUSDT", "1h", T0,
                T0.plusSeconds(3600), new BigDecimal("61000.0"), new BigDecimal("61300.0"), new BigDecimal("60900.0"),
                new BigDecimal("61200.0"), new BigDecimal("12.5"), MarketPriceUpdate.BAR_CLOSE));
    }

    @Test
    void stagedStateIsReadBackButNotDurableUntilCommitted() {
        Outbox outbox = new Outbox(store, Domain.EXECUTION);
        outbox.state().put("order:E-1", "FILLED");
        outbox.state().hashPut("positions", "BTCUSDT", "0.010");
        outbox.add(funding("-0.061"));

        assertThat(outbox.state().get("order:E-1")).contains("FILLED");
        assertThat(outbox.state().hashGetAll("positions")).containsEntry("BTCUSDT", "0.010");
        assertThat(store.get("order:E-1")).isEmpty();
        assertThat(outbox.pending()).isZero();

        outbox.commit();

        assertThat(store.get("order:E-1")).contains("FILLED");
        assertThat(store.hashGet("positions", "BTCUSDT")).contains("0.010");
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void stagedDeletesHideWhatTheStoreHolds() {
        store.hashPut("orders:working", "E-1", "BTCUSDT");
        store.hashPut("orders:working", "E-2", "ETHUSDT");
        store.put("slippage:BTCUSDT", "x");
        Outbox outbox = new Outbox(store, Domain.EXECUTION);

        outbox.state().hashDelete("orders:working", "E-1");
        outbox.state().hashPut("orders:working", "SL-1", "BTCUSDT");
        outbox.state().delete("slippage:BTCUSDT");

        assertThat(outbox.state().hashGetAll("orders:working")).containsOnlyKeys("E-2", "SL-1");
        assertThat(outbox.state().hashGet("orders:working", "E-1")).isEmpty();
        assertThat(outbox.state().get("slippage:BTCUSDT")).isEmpty();
        assertThat(store.hashGetAll("orders:working")).containsOnlyKeys("E-1", "E-2");
    }

    @Test
    void aCrashBeforeTheCommitLeavesNeitherTheStateNorItsEvents() {
        Outbox dying = new Outbox(new FailingStore(store), Domain.EXECUTION);
        dying.state().put("order:E-1", "FILLED");
        dying.add(funding("-0.061"));

        assertThatThrownBy(dying::commit).hasMessageContaining("kill -9");

        assertThat(store.get("order:E-1")).isEmpty();
        assertThat(new Outbox(store, Domain.EXECUTION).pending()).isZero();
    }

    @Test
    void theRelayPublishesInCommitOrderOnceAndEmptiesTheOutbox() {
        Outbox outbox = new Outbox(store, Domain.EXECUTION);
        outbox.add(funding("-0.061"));
        outbox.commit();
        outbox.add(priceUpdate());
        outbox.add(funding("-0.062").inTrace("TRACE-SIG-1"));

        int published = outbox.publish(events(1), bus::add, () -> "TRACE-BAR");

        assertThat(published).isEqualTo(3);
        assertThat(bus).extracting(BusEvent::name).containsExactly("execution.funding.paid", "market.price.update",
                "execution.funding.paid");
        assertThat(bus).extracting(BusEvent::traceId).containsExactly("TRACE-BAR", "TRACE-BAR", "TRACE-SIG-1");
        assertThat(bus).extracting(BusEvent::eventId).doesNotHaveDuplicates();
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.publish(events(1), bus::add, () -> "TRACE-BAR")).isZero();
    }

    @Test
    void theDefaultTraceIsAskedOnlyWhenAnEventNeedsIt() {
        Outbox outbox = new Outbox(store, Domain.EXECUTION);
        outbox.add(funding("-0.061").inTrace("TRACE-SIG-1"));
        AtomicInteger asked = new AtomicInteger();

        outbox.publish(events(1), bus::add, () -> "TRACE-" + asked.incrementAndGet());

        assertThat(asked).hasValue(0);
    }

    @Test
    void whatACrashLeftIsPublishedByTheNextProcess() {
        Outbox before = new Outbox(store, Domain.EXECUTION);
        before.state().put("order:E-1", "FILLED");
        before.add(funding("-0.061"));
        before.commit();

        Outbox after = new Outbox(store, Domain.EXECUTION);
        after.publish(events(2), bus::add, () -> "TRACE-RECOVERED");

        assertThat(bus).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("execution.funding.paid");
            assertThat(event.envelope().payload().path("amount").decimalValue()).isEqualByComparingTo("-0.061");
            assertThat(event.traceId()).isEqualTo("TRACE-RECOVERED");
        });
        assertThat(after.pending()).isZero();
    }

    @Test
    void anEventPublishedButNotRemovedBeforeACrashIsPublishedAgainUnderTheSameId() {
        Outbox before = new Outbox(store, Domain.EXECUTION);
        before.add(funding("-0.061"));
        before.add(priceUpdate());
        Outbox dying = new Outbox(new FailingStore(store, StateWrite.HashDelete.class), Domain.EXECUTION);
        before.commit();

        // the first event reaches the bus, then the process dies removing it from the outbox
        assertThatThrownBy(() -> dying.publish(events(1), bus::add, () -> "TRACE-BAR")).hasMessageContaining("kill -9");
        assertThat(bus).hasSize(1);
        String firstId = bus.get(0).eventId();

        new Outbox(store, Domain.EXECUTION).publish(events(2), bus::add, () -> "TRACE-OTHER");

        assertThat(bus).extracting(BusEvent::name).containsExactly("execution.funding.paid", "execution.funding.paid",
                "market.price.update");
        assertThat(bus.get(1).eventId()).isEqualTo(firstId);
        assertThat(bus.get(1)).isEqualTo(bus.get(0));
    }

    @Test
    void aFailingPublisherKeepsTheEventWithItsIdForTheNextCall() {
        Outbox outbox = new Outbox(store, Domain.EXECUTION);
        outbox.add(funding("-0.061"));

        assertThatThrownBy(() -> outbox.publish(events(1), event -> {
            bus.add(event);
            throw new IllegalStateException("bus down");
        }, () -> "TRACE-BAR")).hasMessageContaining("bus down");
        List<BusEvent> retried = new ArrayList<>();
        outbox.publish(events(1), retried::add, () -> "TRACE-BAR");

        assertThat(retried).containsExactlyElementsOf(bus);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void aPublishFromInsideADeliveryPublishesOnlyItsOwnEventsAndLeavesTheOuterOnesInOrder() {
        // the in-process bus delivers while it is published to: a subscriber may call back into the domain
        Outbox outbox = new Outbox(store, Domain.EXECUTION);
        EventFactory events = events(1);
        outbox.add(priceUpdate());
        outbox.add(funding("-0.061"));
        List<String> delivered = new ArrayList<>();
        AtomicInteger depth = new AtomicInteger();
        java.util.function.Consumer<BusEvent> bus = new java.util.function.Consumer<>() {
            @Override
            public void accept(BusEvent event) {
                delivered.add(event.name() + "@" + depth.get());
                if (delivered.size() == 1) {
                    depth.incrementAndGet();
                    outbox.add(funding("-0.070").inTrace("TRACE-NESTED"));
                    outbox.publish(events, this, () -> "TRACE-NESTED-DEFAULT");
                    depth.decrementAndGet();
                }
            }
        };

        outbox.publish(events, bus, () -> "TRACE-BAR");

        assertThat(delivered).containsExactly("market.price.update@0", "execution.funding.paid@1",
                "execution.funding.paid@0");
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void takeAllHandsTheEventsOverAndEmptiesTheOutbox() {
        Outbox outbox = new Outbox(store, Domain.EXECUTION);
        outbox.add(funding("-0.061"));
        outbox.commit();
        outbox.add(priceUpdate());

        List<Emit> taken = outbox.takeAll();

        assertThat(taken).extracting(emit -> emit.type().name())
                .containsExactly("execution.funding.paid", "market.price.update");
        assertThat(taken.get(0)).isEqualTo(funding("-0.061"));
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void aDomainMayNotStageAnotherDomainsEvent() {
        Outbox outbox = new Outbox(store, Domain.PORTFOLIO);

        assertThatThrownBy(() -> outbox.add(funding("-0.061")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may not publish");
    }

    @Test
    void sequenceContinuesAcrossProcessesSoOrderIsKept() {
        Outbox first = new Outbox(store, Domain.EXECUTION);
        first.add(funding("-0.061"));
        first.commit();
        Outbox second = new Outbox(store, Domain.EXECUTION);
        second.add(priceUpdate());
        second.commit();

        second.publish(events(1), bus::add, () -> "TRACE");

        assertThat(bus).extracting(BusEvent::name).containsExactly("execution.funding.paid", "market.price.update");
    }

    /** The store with a kill -9 at the first atomic batch, or at the first write of the given kind. */
    static final class FailingStore implements KeyValueStore {
        private final KeyValueStore store;
        private final Class<?> failing;

        FailingStore(KeyValueStore store) {
            this(store, List.class);
        }

        FailingStore(KeyValueStore store, Class<?> failing) {
            this.store = store;
            this.failing = failing;
        }

        private void maybeDie(Class<?> kind) {
            if (failing == kind) {
                throw new IllegalStateException("kill -9");
            }
        }

        @Override
        public Optional<String> get(String key) {
            return store.get(key);
        }

        @Override
        public void put(String key, String value) {
            store.put(key, value);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public long increment(String key, long delta) {
            return store.increment(key, delta);
        }

        @Override
        public Map<String, String> hashGetAll(String key) {
            return store.hashGetAll(key);
        }

        @Override
        public Optional<String> hashGet(String key, String field) {
            return store.hashGet(key, field);
        }

        @Override
        public void hashPut(String key, String field, String value) {
            store.hashPut(key, field, value);
        }

        @Override
        public void hashDelete(String key, String field) {
            maybeDie(StateWrite.HashDelete.class);
            store.hashDelete(key, field);
        }

        @Override
        public void writeAtomically(List<StateWrite> writes) {
            maybeDie(List.class);
            store.writeAtomically(writes);
        }
    }
}
