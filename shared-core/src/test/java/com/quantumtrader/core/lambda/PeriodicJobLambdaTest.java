package com.quantumtrader.core.lambda;

import static com.quantumtrader.core.lambda.LambdaTestSupport.causeOfType;
import static com.quantumtrader.core.lambda.LambdaTestSupport.eventBridgeEvent;
import static com.quantumtrader.core.lambda.LambdaTestSupport.invoke;
import static com.quantumtrader.core.lambda.LambdaTestSupport.scheduledRuleEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.os.UniverseUpdated;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * A domain's periodic job as an AWS Lambda: the event of an EventBridge schedule through Spring Cloud Function's
 * {@link FunctionInvoker}, pinned to the job by its name, on the production auto-configuration.
 */
class PeriodicJobLambdaTest {

    private static final AtomicInteger FIRINGS = new AtomicInteger();

    private static FunctionInvoker lambda;

    @BeforeAll
    static void coldStart() {
        lambda = LambdaTestSupport.start(InMemoryPlatform.class, BarRegimeTestModule.JOB);
    }

    @BeforeEach
    void givenTwoCalmSymbolsAndAVolatileOne() {
        InMemoryPlatform.PUBLISHED.clear();
        InMemoryPlatform.CORE_OS_STATE.reset();
        InMemoryPlatform.CORE_OS_STATE.hashPut("regimes", "SOLUSDT", "TRENDING_UP");
        InMemoryPlatform.CORE_OS_STATE.hashPut("regimes", "BTCUSDT", "RANGING");
        InMemoryPlatform.CORE_OS_STATE.hashPut("regimes", "DOGEUSDT", "VOLATILE");
    }

    @Test
    void scheduledRuleRunsTheJobAndPublishesItsEventsInANewTrace() throws Exception {
        String firing = nextFiringId();

        JsonNode summary = EventJson.readTree(invoke(lambda, scheduledRuleEvent(firing, "2024-03-01T01:00:00Z"),
                "req-j1"));

        assertThat(InMemoryPlatform.PUBLISHED).hasSize(1);
        BusEvent published = InMemoryPlatform.PUBLISHED.get(0);
        assertThat(published.name()).isEqualTo("os.universe.updated");
        assertThat(published.source()).isEqualTo("quantum.core_os");
        assertThat(published.envelope().occurredAt()).isEqualTo(InMemoryPlatform.NOW);
        assertThat(published.traceId()).hasSize(26).isNotEqualTo(firing).isNotEqualTo(published.eventId());
        UniverseUpdated universe = EventJson.convert(published.envelope().payload(), UniverseUpdated.class);
        assertThat(universe.symbols()).containsExactly("BTCUSDT", "SOLUSDT");

        assertThat(summary.path("job").asText()).isEqualTo("calm_universe");
        assertThat(summary.path("status").asText()).isEqualTo("RAN");
        assertThat(summary.path("scheduled_invocation").asText()).isEqualTo(firing);
        assertThat(summary.path("trace_id").asText()).isEqualTo(published.traceId());
        assertThat(summary.path("published")).hasSize(1);
        assertThat(summary.path("published").get(0).path("event_id").asText()).isEqualTo(published.eventId());
        assertThat(summary.path("published").get(0).path("detail-type").asText()).isEqualTo("os.universe.updated");
    }

    @Test
    void everyFiringStartsItsOwnTrace() throws Exception {
        invoke(lambda, scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z"), "req-j2a");
        invoke(lambda, scheduledRuleEvent(nextFiringId(), "2024-03-01T02:00:00Z"), "req-j2b");

        assertThat(InMemoryPlatform.PUBLISHED).hasSize(2);
        assertThat(InMemoryPlatform.PUBLISHED.get(0).traceId()).isNotEqualTo(InMemoryPlatform.PUBLISHED.get(1).traceId());
    }

    @Test
    void retryOfTheSameScheduledInvocationPublishesNothing() throws Exception {
        String event = scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z");
        invoke(lambda, event, "req-j3a");
        InMemoryPlatform.CORE_OS_STATE.hashPut("regimes", "ETHUSDT", "RANGING"); // a rerun would publish it

        JsonNode retry = EventJson.readTree(invoke(lambda, event, "req-j3b"));

        assertThat(retry.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(retry.path("trace_id").isNull()).isTrue();
        assertThat(retry.path("published")).isEmpty();
        assertThat(InMemoryPlatform.PUBLISHED).hasSize(1);
    }

    @Test
    void schedulerFiringIsNamedByItsScheduledTimeSoANewAttemptIdIsStillTheSameFiring() throws Exception {
        String time = "2024-03-01T%02d:00:00Z".formatted(FIRINGS.incrementAndGet() % 24);

        JsonNode first = EventJson.readTree(invoke(lambda, schedulerEvent("d32c5kddcf5bb8c3", time), "req-j4a"));
        JsonNode secondAttempt = EventJson.readTree(invoke(lambda, schedulerEvent("e81a0bbde2c4a9f7", time),
                "req-j4b"));

        assertThat(first.path("status").asText()).isEqualTo("RAN");
        assertThat(first.path("scheduled_invocation").asText()).isEqualTo("scheduled:" + time);
        assertThat(secondAttempt.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(InMemoryPlatform.PUBLISHED).hasSize(1);
    }

    @Test
    void failingJobFailsTheInvocationAndTheRetryOfTheSameFiringRunsIt() throws Exception {
        String event = scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z");
        InMemoryPlatform.CORE_OS_STATE.goDown();

        Throwable thrown = catchThrowable(() -> invoke(lambda, event, "req-j5a"));

        assertThat(causeOfType(thrown, HandlerFailedException.class).getMessage())
                .isEqualTo("calm_universe failed: java.lang.IllegalStateException: state store unavailable");
        assertThat(InMemoryPlatform.PUBLISHED).isEmpty();

        InMemoryPlatform.CORE_OS_STATE.comeBack();
        JsonNode retry = EventJson.readTree(invoke(lambda, event, "req-j5b"));

        assertThat(retry.path("status").asText()).isEqualTo("RAN");
        assertThat(InMemoryPlatform.PUBLISHED).hasSize(1);
    }

    @Test
    void busEventIsNotAFiringOfTheSchedule() {
        String busEvent = eventBridgeEvent("market.price.update", "quantum.execution", "{}");

        Throwable thrown = catchThrowable(() -> invoke(lambda, busEvent, "req-j6"));

        assertThat(causeOfType(thrown, MalformedEventException.class).getMessage())
                .isEqualTo("calm_universe rejected the invocation: detail-type \"market.price.update\" is not"
                        + " \"Scheduled Event\"; a periodic job runs on its schedule only");
        assertThat(InMemoryPlatform.PUBLISHED).isEmpty();
    }

    @Test
    void scheduledEventWithoutAnIdOrFromAnotherSourceIsRejected() {
        String withoutId = scheduledRuleEvent("", "2024-03-01T01:00:00Z");
        String fromElsewhere = scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z")
                .replace("\"aws.events\"", "\"quantum.admin\"");

        assertThat(causeOfType(catchThrowable(() -> invoke(lambda, withoutId, "req-j7a")),
                MalformedEventException.class).getMessage())
                .isEqualTo("calm_universe rejected the invocation: a aws.events scheduled event without an id cannot"
                        + " be deduplicated");
        assertThat(causeOfType(catchThrowable(() -> invoke(lambda, fromElsewhere, "req-j7b")),
                MalformedEventException.class).getMessage())
                .isEqualTo("calm_universe rejected the invocation: source \"quantum.admin\" is neither aws.events nor"
                        + " aws.scheduler");
        assertThat(causeOfType(catchThrowable(() -> invoke(lambda, "{}", "req-j7c")),
                MalformedEventException.class).getMessage()).contains("detail-type  is not");
        assertThat(InMemoryPlatform.PUBLISHED).isEmpty();
    }

    @Test
    void periodicJobNamedLikeARoutingTableHandlerFailsTheStart() {
        Throwable thrown = catchThrowable(() -> LambdaTestSupport.start(InMemoryPlatform.class,
                BarRegimeTestModule.HANDLER, "/lambda-clashing-modules/"));

        assertThat(causeOfType(thrown, IllegalStateException.class).getMessage())
                .isEqualTo("periodic job regime_detector of portfolio has the name of a routing-table handler; a"
                        + " Lambda is pinned to one function by name, so names must be unique");
    }

    /** An EventBridge Scheduler target input that mirrors the scheduled rule event with Scheduler's context keywords. */
    private static String schedulerEvent(String executionId, String scheduledTime) {
        return """
                {"id": "%s", "detail-type": "Scheduled Event", "source": "aws.scheduler", "time": "%s",
                 "resources": ["arn:aws:scheduler:eu-west-1:123456789012:schedule/default/calm_universe"]}
                """.formatted(executionId, scheduledTime);
    }

    private static String nextFiringId() {
        return "5c4e2f6a-0000-4000-8000-%012d".formatted(FIRINGS.incrementAndGet());
    }
}
