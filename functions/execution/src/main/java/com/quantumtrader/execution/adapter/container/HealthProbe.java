package com.quantumtrader.execution.adapter.container;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check: asks the running service's {@code GET /health} and exits 0 when it answers 200 (up
 * or degraded), 1 otherwise (503 down, refused, timed out, bad argument). The execution image has no curl, so the
 * task definition runs this class in a small JVM; it uses nothing but the JDK.
 */
public final class HealthProbe {

    static final int TIMEOUT_MILLIS = 5_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(probe(args.length == 1 ? args[0] : null));
    }

    /** 0 when the service at {@code url} reports itself up or degraded, 1 for anything else, with the reason. */
    static int probe(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            System.err.println("usage: HealthProbe http://host:port/health");
            return 1;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            if (status == 200) {
                return 0;
            }
            System.err.println("health answered " + status);
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("health unreachable: " + e.getMessage());
            return 1;
        }
    }
}
