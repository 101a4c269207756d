package com.quantumtrader.execution.adapter.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.quantumtrader.core.bus.RedisStreamsEventBus;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.health.HealthStatus;
import com.quantumtrader.core.ids.EventIds;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.EventCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.quantumtrader.execution.Approvals;
import com.quantumtrader.execution.Bars;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The container's entry point on the self-hosted wiring: Redis Streams intake, state in Redis, health over HTTP. */
class ExecutionServiceTest {

    private static final Clock CLOCK = Clock.fixed(Bars.START, ZoneOffset.UTC);

    @Test
    void anApprovalPublishedOnTheBusIsHandledAndTheHealthEndpointReportsIt() throws Exception {
        // given the service reading the Redis Streams bus (no bar within the test: the paper exchange has no price)
        RedisTestServer.flush();
        Map<String, String> env = Map.of("REDIS_URL", RedisTestServer.url(), "HEALTH_PORT", "0",
                "EXECUTION_PAPER_BAR_SECONDS", "3600");
        try (ExecutionService service = ExecutionService.start(env, CLOCK);
             RedisConnections redis = RedisConnections.connect(RedisTestServer.url());
             RedisStreamsEventBus risk = new RedisStreamsEventBus(redis, RedisStreamsEventBus.Settings.defaults())) {
            EventFactory events = new EventFactory(CLOCK, new EventIds(CLOCK, new SplittableRandom(3)));

            // when risk publishes an approval
            risk.publish(events.create(EventCatalog.RISK_SIGNAL_APPROVED,
                    Approvals.approval().signal("SIG-SERVICE").build(), "TRACE-SERVICE"));

            // then the signal executor handles it (asynchronously: wait, bounded) and /health shows it
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + service.healthPort() + "/health")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Pattern handledOnce = Pattern.compile("\"signal_executor\":\\{[^}]*\"handled\":1");
            while (!handledOnce.matcher(response.body()).find() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"redis\"").contains("\"intake\"")
                    .containsPattern("\"signal_executor\":\\{[^}]*\"handled\":1");
            assertThat(service.health().status()).isEqualTo(HealthStatus.UP);
            service.close(); // closing twice (here and by try-with-resources) is harmless
        }
    }

    @Test
    void anUnknownIntakeIsAConfigurationError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExecutionService.start(Map.of("EXECUTION_INTAKE", "kafka"), CLOCK))
                .withMessageContaining("EXECUTION_INTAKE");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExecutionService.start(Map.of("EXECUTION_INTAKE", "sqs"), CLOCK))
                .withMessageContaining("EXECUTION_QUEUE_URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExecutionService.start(Map.of("HEALTH_PORT", "eighty"), CLOCK))
                .withMessageContaining("HEALTH_PORT");
    }
}
