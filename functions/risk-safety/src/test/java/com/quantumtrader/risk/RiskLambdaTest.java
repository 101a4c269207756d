package com.quantumtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.InMemoryLambda;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.risk.SignalApproved;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * global_risk_controller as an AWS Lambda: a real-shaped EventBridge event through Spring Cloud Function's
 * {@code FunctionInvoker}, the risk module found by the ServiceLoader, one handler pinned.
 */
class RiskLambdaTest {

    private static final String TRACE = "01HQX7Z8K3M4N5P6Q7R8S9T0RK";
    private static InMemoryLambda lambda;

    @BeforeAll
    static void coldStart() {
        lambda = InMemoryLambda.start(Domain.RISK_SAFETY, RiskSafetyDomain.GLOBAL_RISK_CONTROLLER);
    }

    private static JsonNode invoke(String event, String requestId) throws Exception {
        return EventJson.readTree(lambda.invoke(event, requestId));
    }

    /** An EventBridge-to-Lambda event as AWS documents it, carrying a signal of the AI engine. */
    private static String signal(String eventId, String signalId, String confidence) {
        return """
                {
                  "version": "0",
                  "id": "0d6c5a4e-1d0b-4c1f-9a59-6a1f8c0c2f11",
                  "detail-type": "ai.signal.generated",
                  "source": "quantum.ai_engine",
                  "account": "123456789012",
                  "time": "2024-03-01T00:01:00Z",
                  "region": "eu-west-1",
                  "resources": [],
                  "detail": {
                    "event_id": "%s",
                    "trace_id": "%s",
                    "occurred_at": "2024-03-01T00:01:00Z",
                    "producer": "ai_engine",
                    "schema_version": 1,
                    "payload": {
                      "signal_id": "%s",
                      "symbol": "BTCUSDT",
                      "side": "LONG",
                      "confidence": %s,
                      "reference_price": 30000,
                      "stop_price": 29400,
                      "target_price": 31200,
                      "requested_quantity": 1,
                      "strategy_id": "ma_crossover",
                      "model_id": "model-1"
                    }
                  }
                }
                """.formatted(eventId, TRACE, signalId, confidence);
    }

    @Test
    void approvesASignalInItsTraceAndPublishesNothingForTheDuplicate() throws Exception {
        lambda.forgetPublished();
        String event = signal("01HQX7Z8K3M4N5P6Q7R8S9RK01", "sig-lambda-1", "0.8");

        JsonNode first = invoke(event, "req-1");
        JsonNode second = invoke(event, "req-2");

        assertThat(first.path("handler").asText()).isEqualTo("global_risk_controller");
        assertThat(first.path("status").asText()).isEqualTo("HANDLED");
        assertThat(lambda.published()).hasSize(1);
        BusEvent approved = lambda.published().get(0);
        assertThat(approved.name()).isEqualTo("risk.signal.approved");
        assertThat(approved.source()).isEqualTo("quantum.risk_safety");
        assertThat(approved.traceId()).isEqualTo(TRACE);
        SignalApproved payload = EventJson.convert(approved.envelope().payload(), SignalApproved.class);
        assertThat(payload.signalId()).isEqualTo("sig-lambda-1");
        assertThat(payload.approvedQuantity()).isEqualByComparingTo("0.083");
        assertThat(second.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(lambda.published()).hasSize(1);
    }

    @Test
    void aRejectionTravelsTheSameWayWithItsReason() throws Exception {
        lambda.forgetPublished();

        JsonNode outcome = invoke(signal("01HQX7Z8K3M4N5P6Q7R8S9RK02", "sig-lambda-2", "0.1"), "req-3");

        assertThat(outcome.path("status").asText()).isEqualTo("HANDLED");
        assertThat(lambda.published()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("risk.signal.rejected");
            assertThat(event.traceId()).isEqualTo(TRACE);
            assertThat(event.envelope().payload().path("reason_code").asText()).isEqualTo("LOW_CONFIDENCE");
        });
    }
}
