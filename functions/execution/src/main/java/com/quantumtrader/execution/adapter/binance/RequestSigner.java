package com.quantumtrader.execution.adapter.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Binance's SIGNED-endpoint signature: HMAC-SHA256 of the exact query string, keyed by the secret, lower-case hex. */
final class RequestSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    RequestSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(String queryString) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(queryString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM ships HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "RequestSigner[***]";
    }
}
