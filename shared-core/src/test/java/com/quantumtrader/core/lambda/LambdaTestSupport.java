package com.quantumtrader.core.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Starts Spring Cloud Function's AWS {@link FunctionInvoker} the way the Lambda runtime does (a {@code MAIN_CLASS},
 * one pinned function definition), with the test domain module visible to the ServiceLoader, and feeds it events.
 */
final class LambdaTestSupport {

    private static final String MAIN_CLASS = "MAIN_CLASS";

    private LambdaTestSupport() {
    }

    static FunctionInvoker start(Class<?> mainClass, String definition) {
        return start(mainClass, definition, "/lambda-test-modules/");
    }

    /** As {@link #start(Class, String)}, with the domain modules registered under that test resource directory. */
    static FunctionInvoker start(Class<?> mainClass, String definition, String modulesDirectory) {
        URL modules = LambdaTestSupport.class.getResource(modulesDirectory);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        String previousMain = System.getProperty(MAIN_CLASS);
        System.setProperty(MAIN_CLASS, mainClass.getName());
        try (URLClassLoader withModules = new URLClassLoader(new URL[] {modules}, original)) {
            thread.setContextClassLoader(withModules);
            return new FunctionInvoker(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(original);
            if (previousMain == null) {
                System.clearProperty(MAIN_CLASS);
            } else {
                System.setProperty(MAIN_CLASS, previousMain);
            }
        }
    }

    /** One Lambda invocation: the event as the runtime's input stream, the function's reply as a string. */
    static String invoke(FunctionInvoker invoker, String eventJson, String requestId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                new TestLambdaContext("quantum-core-os-regime-detector", requestId));
        return out.toString(StandardCharsets.UTF_8);
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
