package com.quantumtrader.core.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.quantumtrader.core.lambda.LambdaTestSupport.eventBridgeEvent;
import static com.quantumtrader.core.lambda.LambdaTestSupport.invoke;
import static com.quantumtrader.core.lambda.LambdaTestSupport.priceUpdateEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * SnapStart's hooks of the production application on real Redis and a local EventBridge, called as Lambda calls them
 * around the snapshot of a published version: priming has no side effect, the checkpoint leaves no Redis connection
 * open, and the restored function reconnects and handles events again.
 */
class LambdaSnapStartTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            LambdaEnvironment.REDIS_URL, "",
            LambdaEnvironment.EVENT_BUS_NAME, "quantum-test-bus",
            "aws.region", "eu-west-1",
            "aws.accessKeyId", "local",
            "aws.secretAccessKey", "local",
            "aws.endpointUrl", "");

    private static WireMockServer eventBridge;
    private static FunctionInvoker lambda;
    private static SnapStartHooks hooks;

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
        int before = SnapStartHooks.registered().size();
        lambda = LambdaTestSupport.start(LambdaApplication.class, BarRegimeTestModule.HANDLER);
        List<SnapStartHooks> registered = SnapStartHooks.registered();
        assertThat(registered).as("the start registered the function's hooks").hasSize(before + 1);
        hooks = registered.get(registered.size() - 1);
    }

    @AfterAll
    static void stop() {
        ENVIRONMENT.keySet().forEach(System::clearProperty);
        eventBridge.stop();
    }

    @Test
    void checkpointPrimesWithoutSideEffectsClosesRedisAndTheRestoredFunctionReconnects() throws Exception {
        String first = eventBridgeEvent("market.price.update", "quantum.execution", priceUpdateEnvelope(
                "01HQX7Z8K3M4N5P6Q7R8S9S001", "01HQX7Z8K3M4N5P6Q7R8S9SNAP", "BTCUSDT", "60000", "60100", "59400",
                "59500"));
        assertThat(EventJson.readTree(invoke(lambda, first, "req-s1")).path("status").asText()).isEqualTo("HANDLED");
        try (StatefulRedisConnection<String, String> observer = RedisTestServer.client().connect()) {
            long clientsWhileRunning = clients(observer);
            List<String> keys = observer.sync().keys("*");
            int putEvents = eventBridge.findAll(postRequestedFor(urlEqualTo("/"))).size();

            hooks.beforeCheckpoint(null);

            long clientsAtCheckpoint = clients(observer);
            assertThat(clientsAtCheckpoint).as("the function's connections are closed").isLessThan(clientsWhileRunning);
            assertThat(observer.sync().keys("*")).as("priming wrote nothing").containsExactlyInAnyOrderElementsOf(keys);
            assertThat(eventBridge.findAll(postRequestedFor(urlEqualTo("/")))).as("priming published nothing")
                    .hasSize(putEvents);

            hooks.afterRestore(null);

            assertThat(clients(observer)).as("reconnected at the restore, before any invocation")
                    .isEqualTo(clientsAtCheckpoint + 1);
            String second = eventBridgeEvent("market.price.update", "quantum.execution", priceUpdateEnvelope(
                    "01HQX7Z8K3M4N5P6Q7R8S9S002", "01HQX7Z8K3M4N5P6Q7R8S9SNAQ", "ETHUSDT", "3000", "3010", "2950",
                    "2960"));
            JsonNode reply = EventJson.readTree(invoke(lambda, second, "req-s2"));
            assertThat(reply.path("status").asText()).isEqualTo("HANDLED");
            assertThat(eventBridge.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(putEvents + 1);
        }
    }

    @Test
    void everyRoutedHandlerPrimesOnAnEntryItsRouteSelectsAndItsSchemaRejects() {
        for (Route route : RoutingTable.standard().routes()) {
            if (route.runsInDomainModule()) {
                // no module and no environment: priming must reach neither handler, state nor publisher
                new DomainHandlerFunction(null, route, null).prime();
            }
        }
    }

    private static long clients(StatefulRedisConnection<String, String> observer) {
        return observer.sync().clientList().lines().filter(line -> !line.isBlank()).count();
    }
}
