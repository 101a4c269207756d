package com.quantumtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.InMemoryLambda;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.portfolio.PositionOpened;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * position_monitor as an AWS Lambda: a real-shaped EventBridge event through Spring Cloud Function's
 * {@code FunctionInvoker}, the portfolio module found by the ServiceLoader, one handler pinned.
 */
class PortfolioLambdaTest {

    private static final String TRACE = "01HQX7Z8K3M4N5P6Q7R8S9T0TR";
    private static InMemoryLambda lambda;

    @BeforeAll
    static void coldStart() {
        lambda = InMemoryLambda.start(Domain.PORTFOLIO, PortfolioDomain.POSITION_MONITOR);
    }

    /** An EventBridge-to-Lambda event as AWS documents it, carrying an entry fill of execution. */
    private static String entryFill(String eventId) {
        return """
                {
                  "version": "0",
                  "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
                  "detail-type": "execution.order.filled",
                  "source": "quantum.execution",
                  "account": "123456789012",
                  "time": "2024-03-01T00:01:00Z",
                  "region": "eu-west-1",
                  "resources": [],
                  "detail": {
                    "event_id": "%s",
                    "trace_id": "%s",
                    "occurred_at": "2024-03-01T00:01:00Z",
                    "producer": "execution",
                    "schema_version": 1,
                    "payload": {
                      "signal_id": "sig-lambda-1",
                      "client_order_id": "qt-sig-lambda-1-e",
                      "symbol": "BTCUSDT",
                      "side": "BUY",
                      "purpose": "ENTRY",
                      "quantity": 0.1,
                      "cumulative_quantity": 0.1,
                      "complete": true,
                      "price": 30000,
                      "expected_price": 29990,
                      "fee": 1.2,
                      "fee_asset": "USDT",
                      "stop_price": 29400,
                      "target_price": 31200,
                      "strategy_id": "ma_crossover",
                      "model_id": "model-1",
                      "filled_at": "2024-03-01T00:00:59Z"
                    }
                  }
                }
                """.formatted(eventId, TRACE);
    }

    @Test
    void anEntryFillOpensThePositionOnceInTheFillsTrace() throws Exception {
        lambda.forgetPublished();
        String event = entryFill("01HQX7Z8K3M4N5P6Q7R8S9PF01");

        JsonNode first = EventJson.readTree(lambda.invoke(event, "req-1"));
        JsonNode second = EventJson.readTree(lambda.invoke(event, "req-2"));

        assertThat(first.path("handler").asText()).isEqualTo("position_monitor");
        assertThat(first.path("status").asText()).isEqualTo("HANDLED");
        assertThat(lambda.published()).hasSize(1);
        BusEvent opened = lambda.published().get(0);
        assertThat(opened.name()).isEqualTo("portfolio.position.opened");
        assertThat(opened.source()).isEqualTo("quantum.portfolio");
        assertThat(opened.traceId()).isEqualTo(TRACE);
        PositionOpened payload = EventJson.convert(opened.envelope().payload(), PositionOpened.class);
        assertThat(payload.positionId()).isEqualTo("pos-sig-lambda-1");
        assertThat(payload.entryPrice()).isEqualByComparingTo("30000");
        assertThat(lambda.state().hashGet("positions", "BTCUSDT")).isPresent();
        assertThat(second.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(lambda.published()).hasSize(1);
    }
}
