package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klines, mark prices and best bid/ask of the USD-M market streams ({@code <symbol>@kline_<interval>}, and with
 * {@link Settings#quotes()} also {@code <symbol>@markPrice@1s} and {@code <symbol>@bookTicker}), on the
 * combined-stream endpoint. Closed klines ({@code <symbol>@kline_<interval>} on the combined-stream endpoint),
 * with reconnect and catch-up: when the connection drops (network, or Binance's 24 h cut), it reconnects after a
 * backoff that doubles up to a bound (reset by a connection that delivered something), and before taking live
 * data again fetches over REST ({@code GET /fapi/v1/klines}) every bar that closed while it was away. Each bar is
 * delivered once, in order per symbol: a bar not newer than the last delivered one is dropped. Updates of the bar
 * still open, mark prices and book tickers are only the latest state: nothing to catch up, a missed one is
 * superseded by the next. The listener is called by one thread at a time.
 */
public final class BinanceMarketStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceMarketStream.class);

    /**
     * @param streamUrl e.g. {@code wss://fstream.binance.com/stream} (testnet {@code wss://stream.binancefuture.com/stream})
     */
    public record Settings(URI streamUrl, List<String> symbols, String interval, Duration initialBackoff,
                           Duration maxBackoff, boolean quotes) {

        /** Klines only. */
        public Settings(URI streamUrl, List<String> symbols, String interval, Duration initialBackoff,
                        Duration maxBackoff) {
            this(streamUrl, symbols, interval, initialBackoff, maxBackoff, false);
        }

        public Settings {
            Objects.requireNonNull(streamUrl, "streamUrl");
            Objects.requireNonNull(interval, "interval");
            symbols = List.copyOf(symbols);
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("at least one symbol");
            }
            ReconnectBackoff.requireValid(initialBackoff, maxBackoff);
        }

        URI subscription() {
            String streams = symbols.stream().map(s -> s.toLowerCase(Locale.ROOT))
                    .flatMap(s -> quotes ? Stream.of(s + "@kline_" + interval, s + "@markPrice@1s", s + "@bookTicker")
                            : Stream.of(s + "@kline_" + interval))
                    .collect(Collectors.joining("/"));
            return URI.create(streamUrl + "?streams=" + streams);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final BinanceExchange rest;
    private final MarketListener listener;
    private final ScheduledExecutorService reconnects;
    private final Map<String, Instant> lastOpen = new HashMap<>();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private final ReconnectBackoff backoff;
    private int connections;

    /** What the streams deliver; only closed bars are required (a lambda taking a MarketPriceUpdate will do). */
    public interface MarketListener {

        void onClosedBar(MarketPriceUpdate bar);

        /** The bar still open so far; its close time is the time of the update. */
        default void onOpenBar(MarketPriceUpdate soFar) {
        }

        default void onMarkPrice(String symbol, BigDecimal markPrice, Instant at) {
        }

        default void onBookTicker(String symbol, BigDecimal bid, BigDecimal ask, Instant at) {
        }
    }

    public BinanceMarketStream(Settings settings, HttpClient http, BinanceExchange rest, MarketListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "binance-market-stream");
            thread.setDaemon(true);
            return thread;
        });
        this.backoff = new ReconnectBackoff("market stream", settings.initialBackoff(), settings.maxBackoff(),
                ReconnectBackoff.on(reconnects));
    }

    public void start() {
        reconnects.execute(this::connect);
    }

    /** How many connections were opened (the first one included). */
    public synchronized int connections() {
        return connections;
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            catchUp();
            socket = http.newWebSocketBuilder().buildAsync(settings.subscription(), new Listener()).join();
            LOG.info("market stream connected ({} {})", settings.symbols(), settings.interval());
        } catch (RuntimeException e) {
            scheduleReconnect("connect failed: " + e.getMessage());
        }
    }

    /** The bars that closed since the last one delivered, from REST, for every symbol that has delivered one. */
    private void catchUp() {
        Map<String, Instant> since;
        synchronized (this) {
            since = Map.copyOf(lastOpen);
        }
        since.forEach((symbol, open) -> {
            for (MarketPriceUpdate bar : rest.closedKlines(symbol, settings.interval(), open.plusMillis(1))) {
                deliver(bar);
            }
        });
    }

    private void scheduleReconnect(String why) {
        if (closed) {
            return;
        }
        backoff.reconnect(why, this::connect);
    }

    private void onMessage(String text) {
        JsonNode data = EventJson.readTree(text).path("data");
        String type = data.path("e").asText("");
        switch (type) {
            case "kline" -> onKline(data);
            case "markPriceUpdate" -> {
                BigDecimal mark = price(data, "p");
                synchronized (this) {
                    listener.onMarkPrice(data.path("s").asText(), mark, Instant.ofEpochMilli(data.path("E").asLong()));
                }
            }
            case "bookTicker" -> {
                BigDecimal bid = price(data, "b");
                BigDecimal ask = price(data, "a");
                synchronized (this) {
                    listener.onBookTicker(data.path("s").asText(), bid, ask, Instant.ofEpochMilli(data.path("E").asLong()));
                }
            }
            default -> {
                LOG.debug("market stream message of type '{}' ignored", type);
                return;
            }
        }
        backoff.reset();
    }

    private void onKline(JsonNode data) {
        JsonNode k = data.path("k");
        Instant open = Instant.ofEpochMilli(k.path("t").asLong());
        if (k.path("x").asBoolean(false)) {
            deliver(bar(k, Instant.ofEpochMilli(k.path("T").asLong() + 1)));
            return;
        }
        // the bar so far, "closing" at this update (after its open, as a bar must)
        Instant at = Instant.ofEpochMilli(Math.max(data.path("E").asLong(), open.toEpochMilli() + 1));
        MarketPriceUpdate soFar = bar(k, at);
        synchronized (this) {
            Instant last = lastOpen.get(soFar.symbol());
            if (last == null || open.isAfter(last)) {
                listener.onOpenBar(soFar);
            }
        }
    }

    private static MarketPriceUpdate bar(JsonNode k, Instant closeTime) {
        return PriceBars.bar(k.path("s").asText(), k.path("i").asText(), Instant.ofEpochMilli(k.path("t").asLong()),
                closeTime, price(k, "o"), price(k, "h"), price(k, "l"), price(k, "c"), new BigDecimal(k.path("v").asText()));
    }

    /** A decimal string as Binance sends prices; a missing or non-numeric one (NaN) refuses the message. */
    private static BigDecimal price(JsonNode node, String field) {
        String value = node.path(field).asText("");
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a decimal: '" + value + "'", e);
        }
    }

    private synchronized void deliver(MarketPriceUpdate bar) {
        Instant last = lastOpen.get(bar.symbol());
        if (last != null && !bar.openTime().isAfter(last)) {
            return;
        }
        lastOpen.put(bar.symbol(), bar.openTime());
        listener.onClosedBar(bar);
    }

    @Override
    public void close() {
        closed = true;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        reconnects.shutdownNow();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        /** Counted here, not after the handshake's future completes: a message may be delivered before that. */
        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (BinanceMarketStream.this) {
                connections++;
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(text);
                } catch (RuntimeException e) {
                    LOG.warn("market stream message ignored: {}", e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            scheduleReconnect("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            scheduleReconnect(String.valueOf(error));
        }
    }
}
