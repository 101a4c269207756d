package com.quantumtrader.api.local;

import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server on one loopback port, as the local API and the dashboard both run it: daemon threads, no server
 * version or date header, and connections closed after an idle timeout (so idle clients cannot hold the port).
 * Not started: the caller sets its handler first.
 */
public record LoopbackJetty(Server server, ServerConnector connector) {

    public static LoopbackJetty create(String threadName, int maxThreads, int port, Duration idleTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 2);
        threads.setName(threadName);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        return new LoopbackJetty(server, connector);
    }
}
