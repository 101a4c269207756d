package com.quantumtrader.execution.marketdata;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.market.LatestPrices;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live market-data feed: turns the exchange's streams into {@code market.price.update} and the latest prices.
 * <ul>
 *   <li>Every closed bar is published ({@code BAR_CLOSE}) and becomes the symbol's reference price.</li>
 *   <li>The open bar's updates publish nothing until its price has moved at least the large-move threshold (in
 *       basis points) from the reference; then one {@code LARGE_MOVE} with the bar so far is published and its
 *       price becomes the reference, so the next one needs another full move. Never one per tick.</li>
 *   <li>Last, mark and best bid/ask prices are kept in {@link LatestPrices} for the other domains; mark and book
 *       updates (several a second per symbol on Binance) are written at most once per {@code quoteInterval} each.</li>
 * </ul>
 * Not thread-safe: one stream thread calls it (the caller serialises otherwise).
 */
public final class LivePriceFeed {

    private static final Logger LOG = LoggerFactory.getLogger(LivePriceFeed.class);
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final LatestPrices prices;
    private final Clock clock;
    private final Supplier<BigDecimal> largeMoveBps;
    private final Duration quoteInterval;
    private final Map<String, BigDecimal> reference = new HashMap<>();
    private final Map<String, Instant> markWritten = new HashMap<>();
    private final Map<String, Instant> bookWritten = new HashMap<>();

    /**
     * @param largeMoveBps  read on every open-bar update, so a changed setting applies at once
     * @param quoteInterval least time between two writes of one symbol's mark (or book) price
     */
    public LivePriceFeed(LatestPrices prices, Clock clock, Supplier<BigDecimal> largeMoveBps, Duration quoteInterval) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.largeMoveBps = Objects.requireNonNull(largeMoveBps, "largeMoveBps");
        this.quoteInterval = Objects.requireNonNull(quoteInterval, "quoteInterval");
    }

    /** A closed bar: its {@code BAR_CLOSE} update; its close is the latest price and the new reference. */
    public List<Emit> onClosedBar(MarketPriceUpdate bar) {
        prices.recordLast(bar.symbol(), bar.close(), bar.closeTime());
        reference.put(bar.symbol(), bar.close());
        return List.of(update(bar, MarketPriceUpdate.BAR_CLOSE));
    }

    /**
     * The bar still open, so far ({@code closeTime} is the time of this update): a {@code LARGE_MOVE} when its price
     * is at least the threshold away from the reference, else nothing.
     */
    public List<Emit> onOpenBar(MarketPriceUpdate soFar) {
        prices.recordLast(soFar.symbol(), soFar.close(), soFar.closeTime());
        BigDecimal from = reference.get(soFar.symbol());
        if (from == null) {
            // no closed bar yet (just started): measure from this bar's open
            from = soFar.open();
            reference.put(soFar.symbol(), from);
        }
        BigDecimal threshold = largeMoveBps.get();
        if (threshold == null || threshold.signum() <= 0) {
            return List.of(); // large-move updates switched off
        }
        BigDecimal moveBps = soFar.close().subtract(from).abs().multiply(BPS).divide(from, MathContext.DECIMAL64);
        if (moveBps.compareTo(threshold) < 0) {
            return List.of();
        }
        reference.put(soFar.symbol(), soFar.close());
        LOG.info("{} moved {} bps from {} to {} inside the bar opened {}: LARGE_MOVE", soFar.symbol(),
                moveBps.setScale(1, RoundingMode.HALF_EVEN).toPlainString(), from.toPlainString(),
                soFar.close().toPlainString(), soFar.openTime());
        return List.of(update(soFar, MarketPriceUpdate.LARGE_MOVE));
    }

    public void onMarkPrice(String symbol, BigDecimal mark, Instant at) {
        if (due(markWritten, symbol)) {
            prices.recordMark(symbol, mark, at);
        }
    }

    public void onBookTicker(String symbol, BigDecimal bid, BigDecimal ask, Instant at) {
        if (due(bookWritten, symbol)) {
            prices.recordBook(symbol, bid, ask, at);
        }
    }

    private boolean due(Map<String, Instant> written, String symbol) {
        Instant now = clock.instant();
        Instant last = written.get(symbol);
        if (last != null && Duration.between(last, now).compareTo(quoteInterval) < 0) {
            return false;
        }
        written.put(symbol, now);
        return true;
    }

    private static Emit update(MarketPriceUpdate bar, String reason) {
        return Emit.of(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(bar.symbol(), bar.interval(),
                bar.openTime(), bar.closeTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), reason));
    }
}
