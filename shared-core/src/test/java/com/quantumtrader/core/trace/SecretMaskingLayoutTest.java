package com.quantumtrader.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every configured secret is masked in every real log line, whoever logs it and wherever in the line it is. */
class SecretMaskingLayoutTest {

    private static final Logger LOG = LoggerFactory.getLogger(SecretMaskingLayoutTest.class);
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    @Test
    void theConsoleAppenderWritesThroughTheMaskingLayout() {
        assertThat(LogLineCapture.consoleLayout()).isInstanceOf(SecretMaskingLayout.class);
    }

    @Test
    void masksAConfiguredKeyEchoedByAnExchangeErrorInMessageAndStackTrace() {
        Secrets.registerFromEnvironment(Map.of("BINANCE_API_KEY", API_KEY, "LOG_LEVEL", "INFO"));

        try (LogLineCapture log = new LogLineCapture();
             TraceContext.Scope ignored = TraceContext.open("trace-secret-1", "event-1", "signal_executor")) {
            // the shape of Binance's answer to a bad key: it quotes the key back in free text
            LOG.warn("<- POST /fapi/v1/order HTTP 401 -2015 Invalid API-key {}, IP, or permissions for action", API_KEY,
                    new IllegalStateException("exchange said: key " + API_KEY + " rejected"));

            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line).doesNotContain(API_KEY).contains("Invalid API-key ***, IP").contains("key *** rejected");
                JsonNode json = EventJson.readTree(line);
                assertThat(json.path("trace_id").asText()).isEqualTo("trace-secret-1");
                assertThat(json.path("level").asText()).isEqualTo("WARN");
            });
        }
    }

    @Test
    void masksTheRedisPasswordAndLeavesOrdinaryVariablesAlone() {
        Secrets.registerFromEnvironment(Map.of("REDIS_URL", "rediss://default:s3cr3t-redis-pass@cache:6379",
                "EXECUTION_SYMBOLS", "BTCUSDT,ETHUSDT", "BINANCE_API_KEY_FILE", "/run/secrets/binance-key"));

        try (LogLineCapture log = new LogLineCapture()) {
            LOG.error("cannot reach cache: NOAUTH s3cr3t-redis-pass; trading BTCUSDT,ETHUSDT with /run/secrets/binance-key");

            assertThat(log.lines()).singleElement().asString()
                    .doesNotContain("s3cr3t-redis-pass")
                    .contains("NOAUTH ***", "trading BTCUSDT,ETHUSDT", "/run/secrets/binance-key");
        }
    }

    @Test
    void masksARegisteredSecretInsideAJsonEscapedMessage() {
        String quoted = "p\"ss\\word-with-quote";
        Secrets.register(quoted);

        try (LogLineCapture log = new LogLineCapture()) {
            LOG.info("login with {} failed", quoted);

            String line = log.lines().get(0);
            assertThat(EventJson.readTree(line).path("message").asText()).isEqualTo("login with *** failed");
        }
    }
}
