package com.quantumtrader.local.dashboard;

import com.quantumtrader.events.BusEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The live dashboard of a paper run: a page on a loopback port that follows the run (equity and drawdown, open
 * positions and orders, the event stream with each signal's path through the domains) and lets an operator edit
 * the policy and press the emergency stop, both through the local API's admin routes. The runtime feeds it every
 * event it publishes ({@link #observe}); it should be tapped after the local API, so that when the page hears of an
 * event the API's trading view already shows it.
 */
public final class Dashboard implements AutoCloseable {

    private final DashboardFeed feed;
    private final DashboardServer server;

    private Dashboard(DashboardFeed feed, DashboardServer server) {
        this.feed = feed;
        this.server = server;
    }

    /**
     * @param port   loopback port, 0 for a free one
     * @param tokens the local API's bearer tokens (name -> token); the page needs one of them
     * @param api    where the local API listens
     */
    public static Dashboard start(int port, Map<String, String> tokens, URI api) {
        return start(port, tokens, api, DashboardServer.KEEP_ALIVE, null);
    }

    /** @param latch reads the emergency stop's latch from risk & safety's persisted state */
    public static Dashboard start(int port, Map<String, String> tokens, URI api,
                                  Supplier<Optional<LatchReading>> latch) {
        return start(port, tokens, api, DashboardServer.KEEP_ALIVE, latch);
    }

    static Dashboard start(int port, Map<String, String> tokens, URI api, Duration keepAlive) {
        return start(port, tokens, api, keepAlive, null);
    }

    static Dashboard start(int port, Map<String, String> tokens, URI api, Duration keepAlive,
                           Supplier<Optional<LatchReading>> latch) {
        DashboardFeed feed = new DashboardFeed(DashboardFeed.MESSAGES, latch);
        try {
            return new Dashboard(feed, DashboardServer.start(port, new BearerTokens(tokens), feed, api, keepAlive));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the dashboard on port " + port, e);
        }
    }

    public void observe(BusEvent event) {
        feed.accept(event);
    }

    /** The page's address, without a token. */
    public URI uri() {
        return server.uri();
    }

    /**
     * The address to open: the token rides in the fragment, which a browser keeps to itself (never in a request,
     * so never in a server log); the page reads it from there and sends it as a bearer header.
     */
    public static String linkWithToken(URI page, String token) {
        return page + "#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        server.close();
    }
}
