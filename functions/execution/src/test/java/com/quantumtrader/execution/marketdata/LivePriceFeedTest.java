package com.quantumtrader.execution.marketdata;

import com.quantumtrader.events.market.PriceBars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.market.InMemoryLatestPrices;
import com.quantumtrader.core.market.LatestPrice;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Closed bars always, large moves inside a bar once per threshold, never per tick; latest prices for all. */
class LivePriceFeedTest {

    private static final Instant OPEN = Instant.parse("2025-01-06T12:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(OPEN);
    private final InMemoryLatestPrices prices = new InMemoryLatestPrices();
    private final AtomicReference<BigDecimal> thresholdBps = new AtomicReference<>(new BigDecimal("50"));
    private final LivePriceFeed feed = new LivePriceFeed(prices, clock, thresholdBps::get, Duration.ofSeconds(1));

    @Test
    void everyClosedBarIsPublishedAndItsCloseIsTheLatestPrice() {
        List<Emit> emits = feed.onClosedBar(closed("61000", "61200", "60900", "61100"));

        assertThat(updates(emits)).singleElement().satisfies(update -> {
            assertThat(update.reason()).isEqualTo(MarketPriceUpdate.BAR_CLOSE);
            assertThat(update.close()).isEqualByComparingTo("61100");
            assertThat(update.closeTime()).isEqualTo(OPEN.plusSeconds(60));
        });
        assertThat(prices.get("BTCUSDT").map(LatestPrice::last)).contains(new BigDecimal("61100"));
    }

    @Test
    void ticksInsideTheThresholdPublishNothingButStillUpdateTheLatestPrice() {
        feed.onClosedBar(closed("61000", "61000", "61000", "61000"));

        // 49.9 bps up and down again, many times
        List<Emit> emits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            emits.addAll(feed.onOpenBar(soFar(i + 1, i % 2 == 0 ? "61304.3" : "60695.7")));
        }

        assertThat(emits).isEmpty();
        assertThat(prices.get("BTCUSDT").orElseThrow().last()).isEqualByComparingTo("60695.7");
    }

    @Test
    void aMoveBeyondTheThresholdIsPublishedOnceAndTheNextNeedsAnotherFullMove() {
        feed.onClosedBar(closed("61000", "61000", "61000", "61000"));

        List<Emit> first = feed.onOpenBar(soFar(1, "61305"));   // +50.0 bps: published
        List<Emit> same = feed.onOpenBar(soFar(2, "61310"));    // still there: nothing
        List<Emit> back = feed.onOpenBar(soFar(3, "60990"));    // -51.4 bps from 61305: published
        List<Emit> small = feed.onOpenBar(soFar(4, "61100"));   // +18 bps: nothing

        assertThat(updates(first)).singleElement().satisfies(update -> {
            assertThat(update.reason()).isEqualTo(MarketPriceUpdate.LARGE_MOVE);
            assertThat(update.close()).isEqualByComparingTo("61305");
            assertThat(update.closeTime()).isEqualTo(OPEN.plusSeconds(61));
            assertThat(update.openTime()).isEqualTo(OPEN.plusSeconds(60));
        });
        assertThat(same).isEmpty();
        assertThat(updates(back)).extracting(MarketPriceUpdate::close).containsExactly(new BigDecimal("60990"));
        assertThat(small).isEmpty();
    }

    @Test
    void theThresholdIsReadOnEveryUpdateAndZeroSwitchesLargeMovesOff() {
        feed.onClosedBar(closed("61000", "61000", "61000", "61000"));

        thresholdBps.set(BigDecimal.ZERO);
        assertThat(feed.onOpenBar(soFar(1, "65000"))).isEmpty();
        thresholdBps.set(new BigDecimal("10"));
        assertThat(feed.onOpenBar(soFar(2, "61070"))).hasSize(1);
    }

    @Test
    void beforeAnyClosedBarAMoveIsMeasuredFromTheOpenBarsOpen() {
        assertThat(feed.onOpenBar(soFar(1, "61100"))).isEmpty();   // +16 bps from the open 61000
        assertThat(updates(feed.onOpenBar(soFar(2, "61400")))).hasSize(1);
    }

    @Test
    void markAndBookPricesAreWrittenAtMostOncePerIntervalPerSymbol() {
        feed.onMarkPrice("BTCUSDT", new BigDecimal("61001.5"), OPEN);
        feed.onBookTicker("BTCUSDT", new BigDecimal("61000.0"), new BigDecimal("61000.1"), OPEN);
        clock.advance(Duration.ofMillis(400));
        feed.onMarkPrice("BTCUSDT", new BigDecimal("61002.5"), OPEN.plusMillis(400));   // too soon: skipped
        feed.onBookTicker("BTCUSDT", new BigDecimal("61001.0"), new BigDecimal("61001.1"), OPEN.plusMillis(400));
        feed.onMarkPrice("ETHUSDT", new BigDecimal("3300.1"), OPEN.plusMillis(400));     // another symbol: written

        assertThat(prices.get("BTCUSDT").orElseThrow().mark()).isEqualByComparingTo("61001.5");
        assertThat(prices.get("BTCUSDT").orElseThrow().bid()).isEqualByComparingTo("61000.0");
        assertThat(prices.get("ETHUSDT").orElseThrow().mark()).isEqualByComparingTo("3300.1");

        clock.advance(Duration.ofMillis(600));
        feed.onMarkPrice("BTCUSDT", new BigDecimal("61003.5"), OPEN.plusSeconds(1));
        assertThat(prices.get("BTCUSDT").orElseThrow().mark()).isEqualByComparingTo("61003.5");
    }

    @Test
    void aCrossedBookIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> feed.onBookTicker("BTCUSDT", new BigDecimal("61001"),
                new BigDecimal("61000"), OPEN));
        assertThat(prices.get("BTCUSDT")).isEmpty();
    }

    /** The 1m bar 12:00–12:01 with these prices. */
    private static MarketPriceUpdate closed(String open, String high, String low, String close) {
        return PriceBars.bar("BTCUSDT", "1m", OPEN, OPEN.plusSeconds(60), new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), new BigDecimal("12.5"));
    }

    /** The 12:01 bar, opened at 61000, at {@code price} {@code second} seconds after its open. */
    private static MarketPriceUpdate soFar(int second, String price) {
        Instant open = OPEN.plusSeconds(60);
        BigDecimal last = new BigDecimal(price);
        BigDecimal opened = new BigDecimal("61000");
        return PriceBars.bar("BTCUSDT", "1m", open, open.plusSeconds(second), opened, last.max(opened), last.min(opened), last,
                new BigDecimal("3.2"));
    }

    private static List<MarketPriceUpdate> updates(List<Emit> emits) {
        assertThat(emits).allMatch(emit -> emit.type() == EventCatalog.MARKET_PRICE_UPDATE);
        return emits.stream().map(emit -> (MarketPriceUpdate) emit.payload()).toList();
    }
}
