package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.Bar;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed klines of the USD-M market streams ({@code <symbol>@kline_<interval>} on the combined-stream endpoint),
 * with reconnect and catch-up: when the connection drops (network, or Binance's 24 h cut), it reconnects after a
 * backoff that doubles up to a bound (reset by a connection that delivered something), and before taking live
 * data again fetches over REST ({@code GET /fapi/v1/klines}) every bar that closed while it was away. Each bar is
 * delivered once, in order per symbol: a bar not newer than the last delivered one is dropped.
 */
public final class BinanceMarketStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceMarketStream.class);

    /**
     * @param streamUrl e.g. {@code wss://fstream.binance.com/stream} (testnet {@code wss://stream.binancefuture.com/stream})
     */
    public record Settings(URI streamUrl, List<String> symbols, String interval, Duration initialBackoff,
                           Duration maxBackoff) {
        public Settings {
            Objects.requireNonNull(streamUrl, "streamUrl");
            Objects.requireNonNull(interval, "interval");
            symbols = List.copyOf(symbols);
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("at least one symbol");
            }
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("backoff must be positive and at most maxBackoff");
            }
        }

        URI subscription() {
            String streams = symbols.stream().map(s -> s.toLowerCase(Locale.ROOT) + "@kline_" + interval)
                    .collect(Collectors.joining("/"));
            return URI.create(streamUrl + "?streams=" + streams);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final BinanceExchange rest;
    private final Consumer<Bar> onBar;
    private final ScheduledExecutorService reconnects;
    private final Map<String, Instant> lastOpen = new HashMap<>();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private Duration backoff;
    private int connections;

    public BinanceMarketStream(Settings settings, HttpClient http, BinanceExchange rest, Consumer<Bar> onBar) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.onBar = Objects.requireNonNull(onBar, "onBar");
        this.backoff = settings.initialBackoff();
        this.reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "binance-market-stream");
            thread.setDaemon(true);
            return thread;
        });
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
            synchronized (this) {
                connections++;
            }
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
            for (Bar bar : rest.closedKlines(symbol, settings.interval(), open.plusMillis(1))) {
                deliver(bar);
            }
        });
    }

    private void scheduleReconnect(String why) {
        if (closed) {
            return;
        }
        Duration wait;
        synchronized (this) {
            wait = backoff;
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                    : backoff.multipliedBy(2);
        }
        LOG.warn("market stream down ({}), reconnecting in {} ms", why, wait.toMillis());
        reconnects.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onMessage(String text) {
        JsonNode data = EventJson.readTree(text).path("data");
        JsonNode k = data.path("k");
        if (!"kline".equals(data.path("e").asText()) || !k.path("x").asBoolean(false)) {
            return; // only closed bars leave here
        }
        synchronized (this) {
            backoff = settings.initialBackoff();
        }
        deliver(new Bar(k.path("s").asText(), k.path("i").asText(), Instant.ofEpochMilli(k.path("t").asLong()),
                Instant.ofEpochMilli(k.path("T").asLong() + 1), new BigDecimal(k.path("o").asText()),
                new BigDecimal(k.path("h").asText()), new BigDecimal(k.path("l").asText()),
                new BigDecimal(k.path("c").asText()), new BigDecimal(k.path("v").asText())));
    }

    private synchronized void deliver(Bar bar) {
        Instant last = lastOpen.get(bar.symbol());
        if (last != null && !bar.openTime().isAfter(last)) {
            return;
        }
        lastOpen.put(bar.symbol(), bar.openTime());
        onBar.accept(bar);
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
