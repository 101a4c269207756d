package com.quantumtrader.core.lambda;

import com.quantumtrader.core.testing.LambdaRuntime;
import java.io.IOException;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Feeds the core_os test module's Lambda real-shaped events: starts it on an application class with the module
 * visible to the ServiceLoader, and builds the EventBridge and scheduler events AWS sends.
 */
final class LambdaTestSupport {

    private static final String FUNCTION_NAME = "quantum-core-os-regime-detector";

    private LambdaTestSupport() {
    }

    static FunctionInvoker start(Class<?> mainClass, String definition) {
        return LambdaRuntime.start(mainClass, definition, "/lambda-test-modules/");
    }

    /** One Lambda invocation: the event as the runtime's input stream, the function's reply as a string. */
    static String invoke(FunctionInvoker invoker, String eventJson, String requestId) throws IOException {
        return LambdaRuntime.invoke(invoker, FUNCTION_NAME, eventJson, requestId);
    }

    /** The first throwable of that type in the cause chain. */
    static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + thrown, thrown);
    }

    /**
     * An EventBridge-to-Lambda event as AWS documents it: version "0", id, detail-type, source, account, time,
     * region, resources, and the envelope as detail.
     */
    static String eventBridgeEvent(String detailType, String source, String detailJson) {
        return """
                {
                  "version": "0",
                  "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
                  "detail-type": "%s",
                  "source": "%s",
                  "account": "123456789012",
                  "time": "2024-03-01T00:01:00Z",
                  "region": "eu-west-1",
                  "resources": [],
                  "detail": %s
                }
                """.formatted(detailType, source, detailJson);
    }

    /** The event an EventBridge scheduled rule sends its target on each firing, as AWS documents it. */
    static String scheduledRuleEvent(String id, String time) {
        return """
                {
                  "version": "0",
                  "id": "%s",
                  "detail-type": "Scheduled Event",
                  "source": "aws.events",
                  "account": "123456789012",
                  "time": "%s",
                  "region": "eu-west-1",
                  "resources": ["arn:aws:events:eu-west-1:123456789012:rule/quantum-calm-universe"],
                  "detail": {}
                }
                """.formatted(id, time);
    }

    /** The envelope of a closed 1m bar from the execution domain's market-data feed. */
    static String priceUpdateEnvelope(String eventId, String traceId, String symbol, String open, String high,
                                      String low, String close) {
        return """
                {
                  "event_id": "%s",
                  "trace_id": "%s",
                  "occurred_at": "2024-03-01T00:01:00Z",
                  "producer": "execution",
                  "schema_version": 1,
                  "payload": {
                    "symbol": "%s",
                    "interval": "1m",
                    "open_time": "2024-03-01T00:00:00Z",
                    "close_time": "2024-03-01T00:01:00Z",
                    "open": %s,
                    "high": %s,
                    "low": %s,
                    "close": %s,
                    "volume": 12.5,
                    "reason": "BAR_CLOSE"
                  }
                }
                """.formatted(eventId, traceId, symbol, open, high, low, close);
    }
}
