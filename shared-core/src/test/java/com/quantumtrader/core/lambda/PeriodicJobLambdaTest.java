package com.quantumtrader.core.lambda;

import static com.quantumtrader.core.lambda.LambdaTestSupport.causeOfType;
import static com.quantumtrader.core.lambda.LambdaTestSupport.eventBridgeEvent;
import static com.quantumtrader.core.lambda.LambdaTestSupport.scheduledRuleEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.InMemoryLambda;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.os.UniverseUpdated;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A domain's periodic job as an AWS Lambda: the event of an EventBridge schedule through Spring Cloud Function's
 * {@link org.springframework.cloud.function.adapter.aws.FunctionInvoker FunctionInvoker}, pinned to the job by its name,
 * on the production auto-configuration, with in-memory state, idempotency and policy.
 */
class PeriodicJobLambdaTest {

    private static final AtomicInteger FIRINGS = new AtomicInteger();

    private static InMemoryLambda lambda;

    @BeforeAll
    static void coldStart() {
        lambda = InMemoryLambda.start(Domain.CORE_OS, BarRegimeTestModule.JOB, "/lambda-test-modules/");
    }

    @BeforeEach
    void givenTwoCalmSymbolsAndAVolatileOne() {
        lambda.forgetPublished();
        lambda.state().reset();
        lambda.state().hashPut("regimes", "SOLUSDT", "TRENDING_UP");
        lambda.state().hashPut("regimes", "BTCUSDT", "RANGING");
        lambda.state().hashPut("regimes", "DOGEUSDT", "VOLATILE");
    }

    @Test
    void scheduledRuleRunsTheJobAndPublishesItsEventsInANewTrace() throws Exception {
        String firing = nextFiringId();

        JsonNode summary = EventJson.readTree(lambda.invoke(scheduledRuleEvent(firing, "2024-03-01T01:00:00Z"),
                "req-j1"));

        assertThat(lambda.published()).hasSize(1);
        BusEvent published = lambda.published().get(0);
        assertThat(published.name()).isEqualTo("os.universe.updated");
        assertThat(published.source()).isEqualTo("quantum.core_os");
        assertThat(published.envelope().occurredAt()).isEqualTo(InMemoryLambda.NOW);
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
        lambda.invoke(scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z"), "req-j2a");
        lambda.invoke(scheduledRuleEvent(nextFiringId(), "2024-03-01T02:00:00Z"), "req-j2b");

        assertThat(lambda.published()).hasSize(2);
        assertThat(lambda.published().get(0).traceId()).isNotEqualTo(lambda.published().get(1).traceId());
    }

    @Test
    void retryOfTheSameScheduledInvocationPublishesNothing() throws Exception {
        String event = scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z");
        lambda.invoke(event, "req-j3a");
        lambda.state().hashPut("regimes", "ETHUSDT", "RANGING"); // a rerun would publish it

        JsonNode retry = EventJson.readTree(lambda.invoke(event, "req-j3b"));

        assertThat(retry.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(retry.path("trace_id").isNull()).isTrue();
        assertThat(retry.path("published")).isEmpty();
        assertThat(lambda.published()).hasSize(1);
    }

    @Test
    void schedulerFiringIsNamedByItsScheduledTimeSoANewAttemptIdIsStillTheSameFiring() throws Exception {
        String time = "2024-03-01T%02d:00:00Z".formatted(FIRINGS.incrementAndGet() % 24);

        JsonNode first = EventJson.readTree(lambda.invoke(schedulerEvent("d32c5kddcf5bb8c3", time), "req-j4a"));
        JsonNode secondAttempt = EventJson.readTree(lambda.invoke(schedulerEvent("e81a0bbde2c4a9f7", time),
                "req-j4b"));

        assertThat(first.path("status").asText()).isEqualTo("RAN");
        assertThat(first.path("scheduled_invocation").asText()).isEqualTo("scheduled:" + time);
        assertThat(secondAttempt.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(lambda.published()).hasSize(1);
    }

    @Test
    void failingJobFailsTheInvocationAndTheRetryOfTheSameFiringRunsIt() throws Exception {
        String event = scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z");
        lambda.state().goDown();

        Throwable thrown = catchThrowable(() -> lambda.invoke(event, "req-j5a"));

        assertThat(causeOfType(thrown, HandlerFailedException.class).getMessage())
                .isEqualTo("calm_universe failed: java.lang.IllegalStateException: state store unavailable");
        assertThat(lambda.published()).isEmpty();

        lambda.state().comeBack();
        JsonNode retry = EventJson.readTree(lambda.invoke(event, "req-j5b"));

        assertThat(retry.path("status").asText()).isEqualTo("RAN");
        assertThat(lambda.published()).hasSize(1);
    }

    @Test
    void busEventIsNotAFiringOfTheSchedule() {
        String busEvent = eventBridgeEvent("market.price.update", "quantum.execution", "{}");

        Throwable thrown = catchThrowable(() -> lambda.invoke(busEvent, "req-j6"));

        assertThat(causeOfType(thrown, MalformedEventException.class).getMessage())
                .isEqualTo("calm_universe rejected the invocation: detail-type \"market.price.update\" is not"
                        + " \"Scheduled Event\"; a periodic job runs on its schedule only");
        assertThat(lambda.published()).isEmpty();
    }

    @Test
    void scheduledEventWithoutAnIdOrFromAnotherSourceIsRejected() {
        String withoutId = scheduledRuleEvent("", "2024-03-01T01:00:00Z");
        String fromElsewhere = scheduledRuleEvent(nextFiringId(), "2024-03-01T01:00:00Z")
                .replace("\"aws.events\"", "\"quantum.admin\"");

        assertThat(causeOfType(catchThrowable(() -> lambda.invoke(withoutId, "req-j7a")),
                MalformedEventException.class).getMessage())
                .isEqualTo("calm_universe rejected the invocation: a aws.events scheduled event without an id cannot"
                        + " be deduplicated");
        assertThat(causeOfType(catchThrowable(() -> lambda.invoke(fromElsewhere, "req-j7b")),
                MalformedEventException.class).getMessage())
                .isEqualTo("calm_universe rejected the invocation: source \"quantum.admin\" is neither aws.events nor"
                        + " aws.scheduler");
        assertThat(causeOfType(catchThrowable(() -> lambda.invoke("{}", "req-j7c")),
                MalformedEventException.class).getMessage()).contains("detail-type  is not");
        assertThat(lambda.published()).isEmpty();
    }

    @Test
    void periodicJobNamedLikeARoutingTableHandlerFailsTheStart() {
        Throwable thrown = catchThrowable(() -> InMemoryLambda.start(Domain.CORE_OS,
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
