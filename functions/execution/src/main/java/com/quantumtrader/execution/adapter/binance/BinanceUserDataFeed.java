package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.time.Scheduler;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.execution.LiveAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's user-data stream applied to execution: {@code ORDER_TRADE_UPDATE} trades become fills (published
 * once: a trade already applied is ignored), status changes settle orders, {@code ACCOUNT_UPDATE} records the
 * exchange's positions, {@code listenKeyExpired} moves to a new key. Closes the exchange makes (liquidation
 * {@code autoclose-…}, auto-deleveraging {@code adl_autoclose}, or a held position an account update shows flat)
 * become fills that close the position; {@code MARGIN_CALL} becomes {@code execution.margin.call}.
 *
 * <p>Nothing missed is lost: after every connection (the first, a reconnect after a drop with a backoff that
 * doubles up to a bound, or a move to a new listen key) it reconciles with the exchange over REST, which publishes
 * every fill made while the stream was away. The WebSocket connects first, so a trade during the catch-up is
 * either in the catch-up or on the stream, and the order manager publishes it once either way.
 */
public final class BinanceUserDataFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceUserDataFeed.class);

    /** @param streamBase e.g. {@code wss://fstream.binance.com} (testnet {@code wss://stream.binancefuture.com}) */
    /**
     * @param flatConfirmDelay how long after an account update shows a held position flat the close is confirmed
     *                         over REST (our own order update of the same trade may follow the account update)
     */
    public record Settings(URI streamBase, Duration initialBackoff, Duration maxBackoff, Duration flatConfirmDelay) {
        public Settings {
            Objects.requireNonNull(streamBase, "streamBase");
            ReconnectBackoff.requireValid(initialBackoff, maxBackoff);
            if (flatConfirmDelay.isNegative()) {
                throw new IllegalArgumentException("flatConfirmDelay must not be negative");
            }
        }

        public Settings(URI streamBase, Duration initialBackoff, Duration maxBackoff) {
            this(streamBase, initialBackoff, maxBackoff, Duration.ofSeconds(2));
        }

        URI stream(String listenKey) {
            return URI.create(streamBase.toString().replaceAll("/+$", "") + "/ws/" + listenKey);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final BinanceExchange exchange;
    private final Scheduler keepAliveScheduler;
    private final LiveAccount execution;
    private final Consumer<List<Emit>> publish;
    private final ScheduledExecutorService connects;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private UserDataStream listenKeys;
    private String listenKey;
    private final ReconnectBackoff backoff;
    private int connections;
    private int catchUps;
    private int orderCatchUps;

    /**
     * @param publish gets every batch of events to publish, in order (fills, protective orders, failures)
     */
    public BinanceUserDataFeed(Settings settings, HttpClient http, BinanceExchange exchange, Scheduler keepAliveScheduler,
                               LiveAccount execution, Consumer<List<Emit>> publish) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.keepAliveScheduler = Objects.requireNonNull(keepAliveScheduler, "keepAliveScheduler");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.connects = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "binance-user-data");
            thread.setDaemon(true);
            return thread;
        });
        this.backoff = new ReconnectBackoff("user-data stream", settings.initialBackoff(), settings.maxBackoff(),
                ReconnectBackoff.on(connects));
    }

    /** Creates the listen key (kept alive from now on) and connects to its stream. */
    public void start() {
        listenKeys = exchange.openUserDataStream(keepAliveScheduler, this::onNewKey);
    }

    /** How many connections were opened (the first one included). */
    public synchronized int connections() {
        return connections;
    }

    /** How many REST catch-ups completed. */
    public synchronized int catchUps() {
        return catchUps;
    }

    /** How many single orders were caught up over REST because a frame about them could not be read. */
    public synchronized int orderCatchUps() {
        return orderCatchUps;
    }

    private void onNewKey(String key) {
        synchronized (this) {
            listenKey = key;
        }
        connects.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        String key;
        synchronized (this) {
            key = listenKey;
        }
        WebSocket previous = socket;
        if (previous != null) {
            socket = null; // its close must not schedule another reconnect
            previous.abort();
        }
        try {
            WebSocket opened = http.newWebSocketBuilder().buildAsync(settings.stream(key), new Listener()).join();
            socket = opened;
            synchronized (this) {
                connections++;
            }
            LOG.info("user-data stream connected (connection {})", connections());
            catchUp();
        } catch (RuntimeException e) {
            WebSocket current = socket;
            socket = null;
            if (current != null) {
                current.abort();
            }
            scheduleReconnect("connect or catch-up failed: " + e.getMessage());
        }
    }

    /** Reconcile over REST: what the stream missed while it was away is published now. */
    private void catchUp() {
        List<Emit> changed = execution.reconcile();
        if (!changed.isEmpty()) {
            LOG.info("user-data catch-up: {} events the stream had missed", changed.size());
            publish.accept(changed);
        }
        synchronized (this) {
            catchUps++;
        }
    }

    private void scheduleReconnect(String why) {
        if (closed) {
            return;
        }
        backoff.reconnect(why, this::connect);
    }

    void onMessage(String text) {
        UserDataEvent event;
        try {
            event = UserDataEvents.parse(text);
        } catch (MalformedEventException e) {
            Optional<UserDataEvents.OrderReference> order = UserDataEvents.orderReference(text);
            if (order.isEmpty()) {
                LOG.error("user-data message ignored, no order to catch up on: {}", e.getMessage());
                return;
            }
            // the frame said something happened to this order: ask the exchange what, instead of losing it
            LOG.error("user-data message about order {} unreadable ({}): catching the order up over REST",
                    order.get().clientOrderId(), e.getMessage());
            publishIfAny(execution.catchUpOrder(order.get().clientOrderId()));
            synchronized (this) {
                orderCatchUps++;
            }
            return;
        }
        backoff.reset();
        if (event instanceof UserDataEvent.Trade trade) {
            publishIfAny(execution.onTrade(trade.report()));
        } else if (event instanceof UserDataEvent.OrderStatus status) {
            publishIfAny(execution.onOrderStatus(status.report()));
        } else if (event instanceof UserDataEvent.ExchangeClose close) {
            publishIfAny(execution.onExchangeClose(close.purpose(), close.report()));
        } else if (event instanceof UserDataEvent.MarginCallWarning marginCall) {
            publishIfAny(execution.onMarginCall(marginCall.positions()));
        } else if (event instanceof UserDataEvent.AccountUpdate account) {
            for (String symbol : execution.onAccountUpdate(account.reason(), account.walletBalances(),
                    account.positions())) {
                connects.schedule(() -> confirmFlat(symbol), settings.flatConfirmDelay().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } else if (event instanceof UserDataEvent.ListenKeyExpired) {
            listenKeys.onExpired(); // a new key: onNewKey reconnects and catches up
        } else if (event instanceof UserDataEvent.StreamError error) {
            LOG.error("user-data stream error {}: {}", error.code(), error.message());
        } else {
            LOG.debug("user-data {} ignored", event);
        }
    }

    /** A held position the exchange showed flat: settled over REST, closed as EXTERNAL_CLOSE if still held. */
    private void confirmFlat(String symbol) {
        try {
            publishIfAny(execution.onExchangeFlat(symbol));
        } catch (RuntimeException e) {
            // the exchange unreachable: the next catch-up (reconnect, restart) settles the position's orders
            LOG.error("confirming {} flat failed: {}", symbol, e.getMessage(), e);
        }
    }

    private void publishIfAny(List<Emit> emits) {
        if (!emits.isEmpty()) {
            publish.accept(emits);
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            current.abort();
        }
        connects.shutdownNow();
        if (listenKeys != null) {
            listenKeys.close();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
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
                    // e.g. the exchange unreachable while placing a protective order: the next catch-up settles it
                    LOG.error("user-data message failed: {}", e.getMessage(), e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (webSocket == socket) {
                socket = null;
                scheduleReconnect("closed " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (webSocket == socket) {
                socket = null;
                scheduleReconnect(String.valueOf(error));
            }
        }
    }
}
