package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.core.trace.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // from a file they were never seen by the environment scan: mask them in every log line from now on
        Secrets.register(apiKey, secret);
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

    public static final String API_KEY_FILE_VARIABLE = "BINANCE_API_KEY_FILE";
    public static final String SECRET_FILE_VARIABLE = "BINANCE_API_SECRET_FILE";

    /**
     * From files named by {@value #API_KEY_FILE_VARIABLE} and {@value #SECRET_FILE_VARIABLE} when set (a mounted
     * secret: Docker/Kubernetes secrets, a Secrets Manager sidecar), else from the variables themselves (ECS injects
     * Secrets Manager values as variables). Errors name the variable or file, never a value.
     */
    public static BinanceCredentials fromEnvironmentOrFiles(Map<String, String> environment) {
        String keyFile = environment.get(API_KEY_FILE_VARIABLE);
        String secretFile = environment.get(SECRET_FILE_VARIABLE);
        if ((keyFile == null || keyFile.isBlank()) && (secretFile == null || secretFile.isBlank())) {
            return fromEnvironment(environment);
        }
        if (keyFile == null || keyFile.isBlank() || secretFile == null || secretFile.isBlank()) {
            throw new IllegalStateException("set both " + API_KEY_FILE_VARIABLE + " and " + SECRET_FILE_VARIABLE);
        }
        return new BinanceCredentials(read(keyFile, API_KEY_FILE_VARIABLE), read(secretFile, SECRET_FILE_VARIABLE));
    }

    private static String read(String file, String variable) {
        try {
            String value = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("the file named by " + variable + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the file named by " + variable + " (" + file + "): "
                    + e.getClass().getSimpleName(), e);
        }
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
