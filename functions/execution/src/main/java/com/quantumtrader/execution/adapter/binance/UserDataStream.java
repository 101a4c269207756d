package com.quantumtrader.execution.adapter.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.time.Scheduler;
import com.quantumtrader.execution.exchange.ExchangeUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listen key of the USD-M user-data stream ({@code POST/PUT/DELETE /fapi/v1/listenKey}, API key only).
 * A key lives 60 minutes unless kept alive; Binance recommends a keep-alive every 30 minutes.
 *
 * <ul>
 *   <li>{@link #open()} creates the key (a POST while one is valid returns the same key and extends it) and keeps
 *       it alive every {@link #KEEP_ALIVE} on the scheduler.</li>
 *   <li>Expiry: a keep-alive answered {@code -1125} (the key does not exist), a keep-alive that could not reach
 *       Binance for longer than the key's life, or the stream's own {@code listenKeyExpired} event
 *       ({@link #onExpired()}) makes a new key; the listener hears it, so the WebSocket reconnects to the new
 *       stream and catches up over REST what it missed.</li>
 *   <li>A keep-alive that fails transiently is tried again on the next tick, while the key can still be alive.</li>
 * </ul>
 * The key names the account's private stream: it is never logged in full.
 */
public final class UserDataStream implements AutoCloseable {

    static final Duration KEEP_ALIVE = Duration.ofMinutes(30);
    static final Duration KEY_LIFE = Duration.ofMinutes(60);
    private static final String PATH = "/fapi/v1/listenKey";
    private static final int LISTEN_KEY_DOES_NOT_EXIST = -1125;
    private static final Logger LOG = LoggerFactory.getLogger(UserDataStream.class);

    private final BinanceRestClient client;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<String> onNewKey;
    private Scheduler.ScheduledTask keepAlive;
    private String listenKey;
    private Instant lastExtended;

    /** @param onNewKey told every key this stream starts with or moves to (connect the WebSocket to it) */
    UserDataStream(BinanceRestClient client, Scheduler scheduler, Clock clock, Consumer<String> onNewKey) {
        this.client = Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onNewKey = Objects.requireNonNull(onNewKey, "onNewKey");
    }

    /** Creates the key and starts keeping it alive; returns it. */
    public synchronized String open() {
        if (keepAlive != null) {
            throw new IllegalStateException("the user-data stream is already open");
        }
        String key = create();
        keepAlive = scheduler.schedule("binance-listen-key", KEEP_ALIVE, KEEP_ALIVE, this::keepAlive);
        return key;
    }

    /** The stream reported {@code listenKeyExpired}: move to a new key. */
    public synchronized void onExpired() {
        LOG.warn("listen key {} expired, creating a new one", masked(listenKey));
        create();
    }

    public synchronized String listenKey() {
        return listenKey;
    }

    synchronized void keepAlive() {
        try {
            client.keyed(BinanceRestClient.Method.PUT, PATH, true);
            lastExtended = clock.instant();
            LOG.debug("listen key {} kept alive", masked(listenKey));
        } catch (BinanceApiException e) {
            if (e.code() != LISTEN_KEY_DOES_NOT_EXIST) {
                throw e;
            }
            LOG.warn("listen key {} no longer exists, creating a new one", masked(listenKey));
            create();
        } catch (ExchangeUnavailableException e) {
            if (Duration.between(lastExtended, clock.instant()).compareTo(KEY_LIFE) >= 0) {
                LOG.warn("listen key {} not kept alive for {} ({}): creating a new one", masked(listenKey), KEY_LIFE,
                        e.getMessage());
                create();
            } else {
                LOG.warn("keep-alive of listen key {} failed, trying again in {}: {}", masked(listenKey), KEEP_ALIVE,
                        e.getMessage());
            }
        }
    }

    private String create() {
        JsonNode answer = client.keyed(BinanceRestClient.Method.POST, PATH, true);
        String key = answer.path("listenKey").asText("");
        if (key.isEmpty()) {
            throw new IllegalStateException("Binance answered the listen key request without a listenKey");
        }
        boolean changed = !key.equals(listenKey);
        listenKey = key;
        lastExtended = clock.instant();
        if (changed) {
            LOG.info("user-data stream on listen key {}", masked(key));
            onNewKey.accept(key);
        }
        return key;
    }

    /** Stops the keep-alive and closes the key (DELETE); the stream ends. */
    @Override
    public synchronized void close() {
        if (keepAlive != null) {
            keepAlive.cancel();
            keepAlive = null;
        }
        if (listenKey != null) {
            try {
                client.keyed(BinanceRestClient.Method.DELETE, PATH, true);
            } catch (RuntimeException e) {
                // it expires on its own within the hour
                LOG.warn("cannot close listen key {}: {}", masked(listenKey), e.getMessage());
            }
            listenKey = null;
        }
    }

    private static String masked(String key) {
        return key == null ? "none" : key.substring(0, Math.min(4, key.length())) + "…";
    }
}
