package com.quantumtrader.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksPasswordInUrlButKeepsUserHostAndPort() {
        String masked = Secrets.mask("cannot connect to redis://trader:s3cr3t-P4ss@cache.internal:6379/2");

        assertThat(masked).isEqualTo("cannot connect to redis://trader:***@cache.internal:6379/2");
    }

    @Test
    void masksPasswordOnlyUrlUserInfo() {
        assertThat(Secrets.mask("rediss://:hunter22@redis:6380")).isEqualTo("rediss://:***@redis:6380");
    }

    @Test
    void masksSecretNamedQueryParametersAndKeepsTheOthers() {
        String masked = Secrets.mask("GET /fapi/v1/order?symbol=BTCUSDT&timestamp=1700000000000&signature=9f86d081884c7d65");

        assertThat(masked).isEqualTo("GET /fapi/v1/order?symbol=BTCUSDT&timestamp=1700000000000&signature=***");
    }

    @Test
    void masksSecretNamedPropertiesAndHeadersWhateverTheirCase() {
        assertThat(Secrets.mask("BINANCE_API_KEY=abcDEF123 BINANCE_API_SECRET='with space' LOG_LEVEL=DEBUG"))
                .isEqualTo("BINANCE_API_KEY=*** BINANCE_API_SECRET=*** LOG_LEVEL=DEBUG");
        assertThat(Secrets.mask("X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr"))
                .isEqualTo("X-MBX-APIKEY: ***");
        assertThat(Secrets.mask("admin password: correct-horse")).isEqualTo("admin password: ***");
    }

    @Test
    void masksSecretNamedJsonFieldsAndKeepsTheDocumentShape() {
        String json = "{\"apiKey\":\"k-123\",\"symbol\":\"ETHUSDT\",\"adminToken\" : \"t\\\"quoted\\\"\"}";

        assertThat(Secrets.mask(json))
                .isEqualTo("{\"apiKey\":\"***\",\"symbol\":\"ETHUSDT\",\"adminToken\" : \"***\"}");
    }

    @Test
    void masksBearerCredentialsAndAwsAccessKeyIds() {
        assertThat(Secrets.mask("Authorization Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"))
                .isEqualTo("Authorization Bearer ***");
        assertThat(Secrets.mask("signing with AKIAIOSFODNN7EXAMPLE in us-east-1"))
                .isEqualTo("signing with *** in us-east-1");
    }

    @Test
    void leavesOrdinaryTextAndTraceFieldsUntouched() {
        String line = "order filled trace_id=01JABCDEF event_id=01JXYZ symbol=BTCUSDT qty=0.010 url=redis://cache:6379";

        assertThat(Secrets.mask(line)).isEqualTo(line);
        assertThat(Secrets.mask(null)).isNull();
        assertThat(Secrets.mask("")).isEmpty();
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = Secrets.mask("redis://u:p4ss@h:1 token=abc \"secret\":\"x\"");

        assertThat(Secrets.mask(once)).isEqualTo(once);
    }

    @Test
    void masksTheMessageOfAThrowable() {
        Exception error = new IllegalStateException("PutEvents failed for https://user:pw@events.local token=xyz");

        assertThat(Secrets.maskedMessage(error))
                .isEqualTo("IllegalStateException: PutEvents failed for https://user:***@events.local token=***");
        assertThat(Secrets.maskedMessage(new RuntimeException())).isEqualTo("RuntimeException");
    }
}
