package com.quantumtrader.execution.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Client order ids derived from the signal id and the order's purpose, so the same signal always maps to the same
 * order (a redelivered approval finds its order instead of placing another). Binance accepts
 * {@code [.A-Z:/a-z0-9_-]{1,36}}; a signal id that does not fit is replaced by a prefix of its SHA-256.
 */
final class ClientOrderIds {

    static final Pattern BINANCE = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

    private ClientOrderIds() {
    }

    static String entry(String signalId) {
        return of("E", signalId);
    }

    /** The first stop is {@code SL-}, each replacement after a move {@code SL2-}, {@code SL3-} … */
    static String stopLoss(String signalId, int revision) {
        return of(revision == 1 ? "SL" : "SL" + revision, signalId);
    }

    static String takeProfit(String signalId) {
        return of("TP", signalId);
    }

    static String exit(String signalId, int attempt) {
        return of(attempt == 1 ? "X" : "X" + attempt, signalId);
    }

    static String of(String prefix, String signalId) {
        String plain = prefix + "-" + signalId;
        if (BINANCE.matcher(plain).matches()) {
            return plain;
        }
        String hash = sha256Hex(signalId);
        return prefix + "-" + hash.substring(0, 36 - prefix.length() - 1);
    }

    private static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
