package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Latency measured on the injected clock: an order reaches the matching engine base + jitter after it was placed,
 * the jitter drawn from the seed and the client id only. Prices: a 2 bps spread, no range impact.
 */
class LatencyTest {

    private static final SimulatedExchangeSettings NO_LATENCY = SimulatedExchangeSettings.defaults()
            .withSlippage(new BigDecimal("2"), BigDecimal.ZERO);

    @Test
    void theSameSeedAndClientIdAlwaysDrawTheSameDelayWithinTheBounds() {
        SimulatedLatency latency = new SimulatedLatency(Duration.ofMillis(50), Duration.ofMillis(200), 42L);
        SimulatedLatency again = new SimulatedLatency(Duration.ofMillis(50), Duration.ofMillis(200), 42L);
        SimulatedLatency otherSeed = new SimulatedLatency(Duration.ofMillis(50), Duration.ofMillis(200), 43L);

        List<Duration> delays = IntStream.range(0, 50).mapToObj(i -> latency.delayOf("E-SIG-" + i)).toList();

        assertThat(delays).isEqualTo(IntStream.range(0, 50).mapToObj(i -> again.delayOf("E-SIG-" + i)).toList());
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofMillis(50), Duration.ofMillis(250)));
        assertThat(delays.stream().distinct().count()).as("the jitter is used").isGreaterThan(20);
        assertThat(IntStream.range(0, 50).mapToObj(i -> otherSeed.delayOf("E-SIG-" + i)).toList())
                .as("another seed draws other delays").isNotEqualTo(delays);
    }

    @Test
    void anOrderArrivingMidBarFillsAtThePriceOnTheLineFromOpenToCloseAtThatMoment() {
        SimulatedClock clock = new SimulatedClock(VenueBars.START.plusSeconds(3600));
        SimulatedExchange venue = venue(new SimulatedLatency(Duration.ofMinutes(15), Duration.ZERO, 7L), clock);
        opened(venue, VenueBars.at(0).build());

        venue.place(market("E-1"));
        // placed at 01:00, arrives 01:15: a quarter of the way from 60000.0 to 60400.0 is 60100.0, +1 bps = 60106.01
        List<ExecutionReport> fills = venue.openBar(VenueBars.at(1).ohlc("60000.0", "60400.0", "60000.0", "60400.0").build());

        assertThat(fills).singleElement().extracting(ExecutionReport::lastPrice).isEqualTo(new BigDecimal("60106.1"));
    }

    @Test
    void anOrderArrivingAfterTheBarClosedWaitsForTheNextBar() {
        SimulatedClock clock = new SimulatedClock(VenueBars.START.plusSeconds(3600));
        SimulatedExchange venue = venue(new SimulatedLatency(Duration.ofMinutes(90), Duration.ZERO, 7L), clock);
        opened(venue, VenueBars.at(0).build());
        venue.place(market("E-1"));

        List<ExecutionReport> bar1 = venue.openBar(VenueBars.at(1).flat("60000.0").build());
        // live at 02:30: half way through the 02:00 bar from 61000.0 to 61200.0 = 61100.0, +1 bps on the tick
        List<ExecutionReport> bar2 = venue.openBar(VenueBars.at(2).ohlc("61000.0", "61200.0", "61000.0", "61200.0").build());

        assertThat(bar1).isEmpty();
        assertThat(bar2).singleElement().extracting(ExecutionReport::lastPrice).isEqualTo(new BigDecimal("61106.2"));
    }

    @Test
    void aStopPlacedWhileABarIsProcessedIsTimedFromTheFillNotFromTheBarsClose() {
        SimulatedClock clock = new SimulatedClock(VenueBars.START.plusSeconds(3600));
        SimulatedExchange venue = venue(new SimulatedLatency(Duration.ofMinutes(10), Duration.ZERO, 7L), clock);
        opened(venue, VenueBars.at(0).build());
        venue.place(market("E-1"));

        clock.advanceTo(VenueBars.START.plusSeconds(7200)); // the feed processes bar 1 at its close
        MarketPriceUpdate bar1 = VenueBars.at(1).ohlc("60000.0", "60000.0", "59000.0", "59500.0").build();
        venue.openBar(bar1); // the entry arrives 01:10 and fills
        venue.place(new OrderRequest("SL-1", "BTCUSDT", SELL, OrderType.STOP_MARKET,
                new BigDecimal("0.010"), new BigDecimal("59200.0"), true));

        // the stop went out right after the 01:10 fill, so it is live at 01:20, within bar 1 and its low of 59000.0
        assertThat(venue.nextTriggered("BTCUSDT")).singleElement()
                .extracting(ExecutionReport::clientOrderId).isEqualTo("SL-1");
        venue.barProcessed();
    }

    @Test
    void theSameSeedReplaysTheSameFillsAndAnotherSeedMayNot() {
        assertThat(run(11L)).isEqualTo(run(11L));
        assertThat(IntStream.of(12, 13, 14, 15).mapToObj(seed -> run(seed)).toList())
                .as("some other seed draws other arrival prices").anySatisfy(fills -> assertThat(fills).isNotEqualTo(run(11L)));
    }

    @Test
    void withoutLatencyNoClockIsNeededButWithLatencyItIs() {
        SimulatedExchangeSettings delayed = NO_LATENCY.withLatency(
                new SimulatedLatency(Duration.ofMillis(100), Duration.ZERO, 1L));

        assertThat(new SimulatedExchange(NO_LATENCY, new InMemoryKeyValueStore())).isNotNull();
        assertThatThrownBy(() -> new SimulatedExchange(delayed, new InMemoryKeyValueStore()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
    }

    @Test
    void refusesNegativeOrHugeLatency() {
        assertThatThrownBy(() -> new SimulatedLatency(Duration.ofMillis(-1), Duration.ZERO, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedLatency(Duration.ZERO, Duration.ofMillis(-5), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedLatency(Duration.ofMinutes(90), Duration.ofMinutes(31), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedLatency(null, Duration.ZERO, 1L)).isInstanceOf(NullPointerException.class);
    }

    /** Twenty market orders, each placed at a bar's close with 0..40 min of jitter, on rising bars. */
    private static List<BigDecimal> run(long seed) {
        SimulatedClock clock = new SimulatedClock(VenueBars.START.plusSeconds(3600));
        SimulatedExchange venue = venue(new SimulatedLatency(Duration.ZERO, Duration.ofMinutes(40), seed), clock);
        opened(venue, VenueBars.at(0).build());
        List<BigDecimal> prices = new ArrayList<>();
        for (int hour = 1; hour <= 20; hour++) {
            venue.place(market("E-" + hour));
            String open = (60000 + hour * 100) + ".0";
            String close = (60000 + hour * 100 + 400) + ".0";
            venue.openBar(VenueBars.at(hour).ohlc(open, close, open, close).build())
                    .forEach(fill -> prices.add(fill.lastPrice()));
            venue.barProcessed();
            clock.advanceTo(VenueBars.START.plusSeconds(3600L * (hour + 1)));
        }
        return prices;
    }

    /** The venue has processed the bar: what is placed next is placed at the clock's time. */
    private static void opened(SimulatedExchange venue, MarketPriceUpdate bar) {
        venue.openBar(bar);
        venue.barProcessed();
    }

    private static SimulatedExchange venue(SimulatedLatency latency, SimulatedClock clock) {
        return new SimulatedExchange(NO_LATENCY.withLatency(latency), new InMemoryKeyValueStore(), clock);
    }

    private static OrderRequest market(String id) {
        return new OrderRequest(id, "BTCUSDT", BUY, OrderType.MARKET, new BigDecimal("0.010"), null, false);
    }
}
