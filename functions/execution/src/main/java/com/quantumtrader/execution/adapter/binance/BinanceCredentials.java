package com.quantumtrader.execution.adapter.binance;

import java.util.Map;
import java.util.function.Supplier;

/**
 * An API key and its secret. {@link #toString()} never shows either, so a credentials object in a log line or an
 * exception message leaks nothing.
 */
public record BinanceCredentials(String apiKey, String secret) {

    public static final String API_KEY_VARIABLE = "BINANCE_API_KEY";
    public static final String SECRET_VARIABLE = "BINANCE_API_SECRET";

    public BinanceCredentials {
        if (apiKey == null || apiKey.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("Binance credentials need both an API key and a secret");
        }
    }

    /** From {@value #API_KEY_VARIABLE} and {@value #SECRET_VARIABLE}; the message names the missing variable only. */
    public static BinanceCredentials fromEnvironment(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        String secret = environment.get(SECRET_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(API_KEY_VARIABLE + " is not set");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(SECRET_VARIABLE + " is not set");
        }
        return new BinanceCredentials(key, secret);
    }

    /** From a secrets store (e.g. AWS Secrets Manager behind the supplier), read when the adapter is built. */
    public static BinanceCredentials from(Supplier<BinanceCredentials> secretsStore) {
        return secretsStore.get();
    }

    @Override
    public String toString() {
        return "BinanceCredentials[apiKey=***, secret=***]";
    }
}
