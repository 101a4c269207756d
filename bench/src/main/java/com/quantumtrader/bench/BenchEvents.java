package com.quantumtrader.bench;

import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The events every benchmark sends: valid {@code market.price.update} bars, built before measuring so that a
 * benchmark times the bus, not the building of envelopes. Seeded and on a fixed clock, so every run sends the same.
 */
final class BenchEvents {

    /** The route under test: one subscriber selecting price updates by {@code detail-type}, as EventBridge would. */
    static final String PRICE_UPDATE_PATTERN = "{\"detail-type\":[\"market.price.update\"]}";

    /** Distinct payloads cycled through the events; the events themselves all have distinct ids. */
    private static final int DISTINCT_BARS = 1024;
    private static final Instant FIRST_BAR = Instant.parse("2025-01-01T00:00:00Z");

    private BenchEvents() {
    }

    static Route priceUpdateRoute(String handler) {
        return new Route(handler, Domain.AI_ENGINE, EventJson.readTree(PRICE_UPDATE_PATTERN));
    }

    /** {@code count} price updates with distinct event ids, each valid against its schema (checked here, once). */
    static BusEvent[] priceUpdates(int count) {
        Clock clock = Clock.fixed(FIRST_BAR, ZoneOffset.UTC);
        EventFactory factory = new EventFactory(clock, new EventIds(clock, new SplittableRandom(20250101L)));
        MarketPriceUpdate[] bars = bars();
        BusEvent[] events = new BusEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = factory.create(EventCatalog.MARKET_PRICE_UPDATE, bars[i % bars.length], factory.newTraceId());
        }
        for (int i = 0; i < Math.min(count, bars.length); i++) {
            EventValidator.validate(events[i]); // a rejected event would measure the dead-letter path instead
        }
        return events;
    }

    private static MarketPriceUpdate[] bars() {
        MarketPriceUpdate[] bars = new MarketPriceUpdate[DISTINCT_BARS];
        BigDecimal close = new BigDecimal("42000.00");
        BigDecimal step = new BigDecimal("0.50");
        for (int i = 0; i < bars.length; i++) {
            BigDecimal open = close;
            close = i % 3 == 0 ? close.subtract(step.multiply(BigDecimal.valueOf(i % 7))) : close.add(step);
            Instant openTime = FIRST_BAR.plusSeconds(60L * i);
            bars[i] = new MarketPriceUpdate("BTCUSDT", "1m", openTime, openTime.plusSeconds(60),
                    open, open.max(close).add(step), open.min(close).subtract(step), close,
                    new BigDecimal("12.345"), MarketPriceUpdate.BAR_CLOSE);
        }
        return bars;
    }
}
