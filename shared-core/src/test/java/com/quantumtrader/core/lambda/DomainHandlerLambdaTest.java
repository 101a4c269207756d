package com.quantumtrader.core.lambda;

import static com.quantumtrader.core.lambda.LambdaTestSupport.causeOfType;
import static com.quantumtrader.core.lambda.LambdaTestSupport.eventBridgeEvent;
import static com.quantumtrader.core.lambda.LambdaTestSupport.priceUpdateEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.InMemoryLambda;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.RoutingTable;
import com.quantumtrader.events.os.RegimeChanged;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same domain handler as an AWS Lambda: a real-shaped EventBridge event through Spring Cloud Function's
 * {@link org.springframework.cloud.function.adapter.aws.FunctionInvoker FunctionInvoker}, pinned to one handler,
 * on the production auto-configuration, with in-memory state, idempotency and policy.
 */
class DomainHandlerLambdaTest {

    private static final String TRACE = "01HQX7Z8K3M4N5P6Q7R8S9T0TR";
    private static final AtomicInteger EVENT_COUNTER = new AtomicInteger();

    private static InMemoryLambda lambda;

    @BeforeAll
    static void coldStart() {
        lambda = InMemoryLambda.start(Domain.CORE_OS, BarRegimeTestModule.HANDLER, "/lambda-test-modules/");
    }

    @BeforeEach
    void freshState() {
        lambda.forgetPublished();
        lambda.state().reset();
    }

    @Test
    void handlerRunsAndPublishesInTheIncomingTrace() throws Exception {
        String eventId = nextEventId();
        String event = trendingUpBar(eventId, "BTCUSDT");

        JsonNode summary = EventJson.readTree(lambda.invoke(event, "req-1"));

        assertThat(lambda.published()).hasSize(1);
        BusEvent published = lambda.published().get(0);
        assertThat(published.name()).isEqualTo("os.regime.changed");
        assertThat(published.source()).isEqualTo("quantum.core_os");
        assertThat(published.traceId()).isEqualTo(TRACE);
        assertThat(published.envelope().occurredAt()).isEqualTo(InMemoryLambda.NOW);
        RegimeChanged change = EventJson.convert(published.envelope().payload(), RegimeChanged.class);
        assertThat(change.symbol()).isEqualTo("BTCUSDT");
        assertThat(change.regime()).isEqualTo("TRENDING_UP");
        assertThat(change.previousRegime()).isNull();
        assertThat(lambda.state().get("regime:BTCUSDT")).contains("TRENDING_UP");

        assertThat(summary.path("handler").asText()).isEqualTo("regime_detector");
        assertThat(summary.path("status").asText()).isEqualTo("HANDLED");
        assertThat(summary.path("event_id").asText()).isEqualTo(eventId);
        assertThat(summary.path("trace_id").asText()).isEqualTo(TRACE);
        assertThat(summary.path("published")).hasSize(1);
        assertThat(summary.path("published").get(0).path("event_id").asText()).isEqualTo(published.eventId());
        assertThat(summary.path("published").get(0).path("detail-type").asText()).isEqualTo("os.regime.changed");
    }

    @Test
    void secondDeliveryOfTheSameEventPublishesNothing() throws Exception {
        String event = trendingUpBar(nextEventId(), "ETHUSDT");
        lambda.invoke(event, "req-2a");
        lambda.state().reset(); // even with the state gone, the event id alone stops a rerun

        JsonNode summary = EventJson.readTree(lambda.invoke(event, "req-2b"));

        assertThat(summary.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(summary.path("published")).isEmpty();
        assertThat(lambda.published()).hasSize(1);
        assertThat(lambda.state().get("regime:ETHUSDT")).isEmpty();
    }

    @Test
    void nextBarInTheSameRegimeChangesNothing() throws Exception {
        lambda.invoke(trendingUpBar(nextEventId(), "SOLUSDT"), "req-3a");

        JsonNode summary = EventJson.readTree(lambda.invoke(trendingUpBar(nextEventId(), "SOLUSDT"), "req-3b"));

        assertThat(summary.path("status").asText()).isEqualTo("HANDLED");
        assertThat(summary.path("published")).isEmpty();
        assertThat(lambda.published()).hasSize(1);
    }

    @Test
    void malformedPayloadIsRejectedWithTheSchemaReason() {
        String detail = priceUpdateEnvelope(nextEventId(), TRACE, "btc-usdt", "60000", "60650", "59990", "60600");

        Throwable thrown = catchThrowable(() -> lambda.invoke(
                eventBridgeEvent("market.price.update", "quantum.execution", detail), "req-4"));

        MalformedEventException rejected = causeOfType(thrown, MalformedEventException.class);
        assertThat(rejected.getMessage())
                .startsWith("regime_detector rejected the event: ")
                .contains("market.price.update")
                .contains("payload.symbol");
        assertThat(lambda.published()).isEmpty();
    }

    @Test
    void envelopeWithoutTraceIdIsRejectedNamingTheMissingField() {
        String detail = priceUpdateEnvelope(nextEventId(), TRACE, "BTCUSDT", "60000", "60650", "59990", "60600")
                .replace("\"trace_id\": \"" + TRACE + "\",", "");

        Throwable thrown = catchThrowable(() -> lambda.invoke(
                eventBridgeEvent("market.price.update", "quantum.execution", detail), "req-5"));

        assertThat(causeOfType(thrown, MalformedEventException.class).getMessage())
                .contains("detail.trace_id is missing");
        assertThat(lambda.published()).isEmpty();
    }

    @Test
    void eventOfAnotherHandlersRouteIsRejected() {
        String detail = """
                {"event_id": "%s", "trace_id": "%s", "occurred_at": "2024-03-01T00:01:00Z", "producer": "portfolio",
                 "schema_version": 1, "payload": {}}
                """.formatted(nextEventId(), TRACE);

        Throwable thrown = catchThrowable(() -> lambda.invoke(
                eventBridgeEvent("trade.closed", "quantum.portfolio", detail), "req-6"));

        assertThat(causeOfType(thrown, MalformedEventException.class).getMessage())
                .contains("\"trade.closed\"")
                .contains("does not match its route");
        assertThat(lambda.published()).isEmpty();
    }

    @Test
    void aDeliveryThatIsNotJsonFailsTheInvocationAndChangesNothing() {
        String truncated = trendingUpBar(nextEventId(), "BTCUSDT");
        String delivery = truncated.substring(0, truncated.length() / 2);

        Throwable thrown = catchThrowable(() -> lambda.invoke(delivery, "req-8"));

        // Spring's Lambda adapter refuses it before the function: the invocation fails, so Lambda retries it and
        // finally dead-letters it
        assertThat(thrown).hasStackTraceContaining("Failed to convert");
        assertThat(lambda.published()).isEmpty();
        assertThat(lambda.state().get("regime:BTCUSDT")).isEmpty();
    }

    @Test
    void theFunctionItselfRejectsADeliveryThatIsNotJsonNamingTheParseError() {
        // the function's own guard, for an adapter that hands the payload through unparsed
        DomainHandlerFunction function = new DomainHandlerFunction(null, RoutingTable.standard()
                .require(BarRegimeTestModule.HANDLER), null);

        assertThatThrownBy(() -> function.handle("{\"detail-type\": \"market.price.update\", "))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("not valid JSON");
    }

    @Test
    void aDeliveryThatIsJsonButNoObjectIsRejectedByTheRouteGuard() {
        Throwable thrown = catchThrowable(() -> lambda.invoke("[1, 2, 3]", "req-9"));

        assertThat(causeOfType(thrown, MalformedEventException.class).getMessage())
                .startsWith("regime_detector rejected the event: detail-type")
                .contains("does not match its route");
        assertThat(lambda.published()).isEmpty();
    }

    @Test
    void failingHandlerFailsTheInvocationAndTheRetryIsHandled() throws Exception {
        String event = trendingUpBar(nextEventId(), "XRPUSDT");
        lambda.state().goDown();

        Throwable thrown = catchThrowable(() -> lambda.invoke(event, "req-7a"));

        assertThat(causeOfType(thrown, HandlerFailedException.class).getMessage())
                .isEqualTo("regime_detector failed: java.lang.IllegalStateException: state store unavailable");
        assertThat(lambda.published()).isEmpty();

        lambda.state().comeBack();
        JsonNode retry = EventJson.readTree(lambda.invoke(event, "req-7b"));

        assertThat(retry.path("status").asText()).isEqualTo("HANDLED");
        assertThat(lambda.published()).hasSize(1);
    }

    private static String trendingUpBar(String eventId, String symbol) {
        // +1 % body, 1.1 % range: trending up, not volatile
        return eventBridgeEvent("market.price.update", "quantum.execution",
                priceUpdateEnvelope(eventId, TRACE, symbol, "60000", "60650", "59990", "60600"));
    }

    private static String nextEventId() {
        return "01HQX7Z8K3M4N5P6Q7R8S9T%03d".formatted(EVENT_COUNTER.incrementAndGet());
    }
}
