package com.quantumtrader.bench;

import com.quantumtrader.core.bus.InProcessEventBus;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerMetrics;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through the in-process bus (JMH throughput mode): one publish of a pre-built
 * {@code market.price.update} to a bus with one route ({@code {"detail-type":["market.price.update"]}}), which the
 * bus serialises and matches with event-ruler, then dispatches to the one subscriber.
 *
 * <ul>
 *   <li>{@code bareBus}: the subscriber returns {@code handled} at once, so this is routing and dispatch alone.</li>
 *   <li>{@code handlerRuntime}: the subscriber is a {@link HandlerRuntime} (envelope and schema validation,
 *       in-memory idempotency claim and completion, trace context, metrics) around a handler that returns no
 *       events, so the difference to {@code bareBus} is what the runtime costs per event.</li>
 * </ul>
 *
 * Every event has its own id, so the runtime takes the first-delivery path, never the duplicate one; after a full
 * cycle through the pre-built events it gets a fresh idempotency store (once per {@value #EVENTS} events). Each
 * trial checks at the end that every publish reached the subscriber.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class InProcessBusBenchmark {

    /** Pre-built events cycled through; a power of two. */
    static final int EVENTS = 1 << 17;

    @State(Scope.Thread)
    public static class BareBus {
        private final InProcessEventBus bus = new InProcessEventBus();
        private BusEvent[] events;
        private int next;
        private long published;
        private long delivered;

        @Setup(Level.Trial)
        public void subscribe() {
            events = BenchEvents.priceUpdates(EVENTS);
            bus.subscribe(BenchEvents.priceUpdateRoute("bench.trivial"), event -> {
                delivered++;
                return HandlerOutcome.handled(List.of());
            });
        }

        void publishNext() {
            bus.publish(events[next]);
            next = (next + 1) & (EVENTS - 1);
            published++;
        }

        @TearDown(Level.Trial)
        public void checkEveryEventDelivered() {
            bus.close();
            if (published == 0 || delivered != published || bus.deadLetterCount() != 0) {
                throw new IllegalStateException("published " + published + ", delivered " + delivered
                        + ", dead-lettered " + bus.deadLetterCount());
            }
        }
    }

    @State(Scope.Thread)
    public static class RuntimeBus {
        private final InProcessEventBus bus = new InProcessEventBus();
        private final Clock clock = Clock.systemUTC();
        private final EventFactory factory = new EventFactory(clock, new EventIds(clock, new SplittableRandom(7)));
        private final HandlerDefinition definition =
                new HandlerDefinition("bench.noop", Domain.AI_ENGINE, event -> List.of());
        private HandlerRuntime runtime;
        private BusEvent[] events;
        private int next;
        private long published;
        private long handled;
        private long notHandled;

        @Setup(Level.Trial)
        public void subscribe() {
            events = BenchEvents.priceUpdates(EVENTS);
            runtime = newRuntime();
            bus.subscribe(BenchEvents.priceUpdateRoute(definition.name()), event -> runtime.dispatch(event));
        }

        private HandlerRuntime newRuntime() {
            return new HandlerRuntime(definition, new InMemoryIdempotencyStore(), factory, bus::publish);
        }

        void publishNext() {
            bus.publish(events[next]);
            published++;
            next = (next + 1) & (EVENTS - 1);
            if (next == 0) {
                // the ids repeat from here: a fresh store keeps every delivery a first one
                count(runtime.metrics());
                runtime = newRuntime();
            }
        }

        private void count(HandlerMetrics metrics) {
            handled += metrics.handled();
            notHandled += metrics.duplicates() + metrics.rejected() + metrics.failed();
        }

        @TearDown(Level.Trial)
        public void checkEveryEventHandled() {
            count(runtime.metrics());
            bus.close();
            if (published == 0 || handled != published || notHandled != 0) {
                throw new IllegalStateException("published " + published + ", handled " + handled
                        + ", duplicate/rejected/failed " + notHandled);
            }
        }
    }

    @Benchmark
    public void bareBus(BareBus state) {
        state.publishNext();
    }

    @Benchmark
    public void handlerRuntime(RuntimeBus state) {
        state.publishNext();
    }
}
