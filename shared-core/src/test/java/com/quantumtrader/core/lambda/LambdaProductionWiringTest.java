package com.quantumtrader.core.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.quantumtrader.core.lambda.LambdaTestSupport.eventBridgeEvent;
import static com.quantumtrader.core.lambda.LambdaTestSupport.invoke;
import static com.quantumtrader.core.lambda.LambdaTestSupport.priceUpdateEnvelope;
import static com.quantumtrader.core.lambda.LambdaTestSupport.causeOfType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.quantumtrader.core.idempotency.IdempotencyStore;
import com.quantumtrader.core.idempotency.RedisIdempotencyStore;
import com.quantumtrader.core.redis.RedisConnections;
import com.quantumtrader.core.state.RedisKeyValueStore;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The production application ({@link LambdaApplication}) with nothing replaced: its pieces come from the environment
 * only, as in AWS: {@code REDIS_URL} (the embedded test Redis) for state, idempotency and policy, and
 * {@code EVENT_BUS_NAME} with the SDK's endpoint setting for EventBridge (a local server that answers PutEvents).
 */
class LambdaProductionWiringTest {

    private static final String BUS = "quantum-test-bus";
    private static final String TRACE = "01HQX7Z8K3M4N5P6Q7R8S9WIRE";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            LambdaEnvironment.REDIS_URL, "",
            LambdaEnvironment.EVENT_BUS_NAME, BUS,
            "aws.region", "eu-west-1",
            "aws.accessKeyId", "local",
            "aws.secretAccessKey", "local",
            "aws.endpointUrl", "");

    private static WireMockServer eventBridge;
    private static FunctionInvoker lambda;

    @BeforeAll
    static void coldStart() {
        eventBridge = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        eventBridge.start();
        eventBridge.stubFor(post(urlEqualTo("/")).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}]}")));
        ENVIRONMENT.forEach((name, value) -> System.setProperty(name, switch (name) {
            case LambdaEnvironment.REDIS_URL -> RedisTestServer.url();
            case "aws.endpointUrl" -> eventBridge.baseUrl();
            default -> value;
        }));
        RedisTestServer.flush();
        lambda = LambdaTestSupport.start(LambdaApplication.class, BarRegimeTestModule.HANDLER);
    }

    @BeforeEach
    void forgetEarlierPutEvents() {
        eventBridge.resetRequests();
    }

    @AfterAll
    static void stop() {
        ENVIRONMENT.keySet().forEach(System::clearProperty);
        eventBridge.stop();
    }

    @Test
    void handlerRunsOnRedisAndPublishesToEventBridgeThenIgnoresTheRedelivery() throws Exception {
        String eventId = "01HQX7Z8K3M4N5P6Q7R8S9W001";
        String event = eventBridgeEvent("market.price.update", "quantum.execution",
                priceUpdateEnvelope(eventId, TRACE, "BTCUSDT", "60000", "60100", "59400", "59500"));

        JsonNode first = EventJson.readTree(invoke(lambda, event, "req-w1"));
        JsonNode second = EventJson.readTree(invoke(lambda, event, "req-w2"));

        assertThat(first.path("status").asText()).isEqualTo("HANDLED");
        assertThat(second.path("status").asText()).isEqualTo("DUPLICATE");

        List<LoggedRequest> putEvents = eventBridge.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(putEvents).hasSize(1);
        assertThat(putEvents.get(0).getHeader("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
        JsonNode entry = EventJson.readTree(putEvents.get(0).getBodyAsString()).path("Entries").get(0);
        assertThat(entry.path("EventBusName").asText()).isEqualTo(BUS);
        assertThat(entry.path("Source").asText()).isEqualTo("quantum.core_os");
        assertThat(entry.path("DetailType").asText()).isEqualTo("os.regime.changed");
        JsonNode detail = EventJson.readTree(entry.path("Detail").asText());
        assertThat(detail.path("trace_id").asText()).isEqualTo(TRACE);
        assertThat(detail.path("payload").path("regime").asText()).isEqualTo("TRENDING_DOWN");
        assertThat(first.path("published").get(0).path("event_id").asText())
                .isEqualTo(detail.path("event_id").asText());

        try (StatefulRedisConnection<String, String> redis = RedisTestServer.client().connect()) {
            assertThat(redis.sync().get(RedisKeyValueStore.redisKey(Domain.CORE_OS, "regime:BTCUSDT")))
                    .isEqualTo("TRENDING_DOWN");
            assertThat(redis.sync().get(RedisIdempotencyStore.redisKey(BarRegimeTestModule.HANDLER, eventId)))
                    .isEqualTo("DONE");
        }
    }

    @Test
    void aRetryInsideTheLeaseOfACrashedInvocationFailsSoLambdaRetriesItAndRunsOnceTheLeaseHasExpired() throws Exception {
        String eventId = "01HQX7Z8K3M4N5P6Q7R8S9W002";
        String event = eventBridgeEvent("market.price.update", "quantum.execution",
                priceUpdateEnvelope(eventId, TRACE, "ETHUSDT", "3000", "3010", "2960", "2970"));
        String claimKey = RedisIdempotencyStore.redisKey(BarRegimeTestModule.HANDLER, eventId);
        // the function is warm (Redis connected, policy loaded), so the retry below comes well inside the lease
        invoke(lambda, eventBridgeEvent("market.price.update", "quantum.execution",
                priceUpdateEnvelope("01HQX7Z8K3M4N5P6Q7R8S9W003", TRACE, "SOLUSDT", "150", "151", "148", "149")), "req-w0");
        int putEventsBefore = eventBridge.findAll(postRequestedFor(urlEqualTo("/"))).size();
        // given: an invocation (another container: its own store) claimed the event and was killed
        try (RedisConnections killed = RedisConnections.connect(RedisTestServer.url())) {
            assertThat(new RedisIdempotencyStore(killed, Duration.ofSeconds(5), Duration.ofHours(1))
                    .claim(BarRegimeTestModule.HANDLER, eventId)).isEqualTo(IdempotencyStore.Claim.ACQUIRED);
        }

        // when: Lambda retries it while the dead claim's lease still runs
        Throwable retryInsideTheLease = catchThrowable(() -> invoke(lambda, event, "req-w3"));

        // then: the invocation fails (Lambda retries it, and finally sends it to the DLQ), not a silent duplicate
        assertThat(causeOfType(retryInsideTheLease, HandlerFailedException.class).getMessage())
                .contains("retry later").contains("another attempt holds the claim on " + eventId);
        assertThat(eventBridge.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(putEventsBefore);

        // when: the next retry comes after the lease has run out
        try (StatefulRedisConnection<String, String> redis = RedisTestServer.client().connect()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (redis.sync().exists(claimKey) == 1 && System.nanoTime() < deadline) {
                Thread.sleep(20); // waiting for Redis to expire the lease, not racing it
            }
            JsonNode retried = EventJson.readTree(invoke(lambda, event, "req-w4"));

            // then: it runs, once
            assertThat(retried.path("status").asText()).isEqualTo("HANDLED");
            assertThat(redis.sync().get(claimKey)).isEqualTo("DONE");
            assertThat(eventBridge.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(putEventsBefore + 1);
        }
    }

    @Test
    void refusesALeaseThatOutlastsLambdasRetryInterval() {
        assertThatThrownBy(() -> LambdaEnvironment.requireLeaseBeforeRetry(Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asynchronous retry interval (PT1M)");
        assertThat(LambdaEnvironment.requireLeaseBeforeRetry(LambdaEnvironment.DEFAULT_LEASE_TTL))
                .isLessThan(LambdaEnvironment.ASYNC_RETRY_INTERVAL);
    }
}
