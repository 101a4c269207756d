package com.quantumtrader.core.testing;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * One domain's function as an AWS Lambda for a test: Spring Cloud Function's {@link FunctionInvoker} on the
 * production auto-configuration, pinned to one handler or periodic job, with the runtime pieces replaced by
 * in-memory ones (see {@link InMemoryLambdaApplication}): the state of the domain under test, which the test can
 * read, seed or take down, a fixed clock at {@link #NOW}, and a publisher that records what the function published.
 */
public final class InMemoryLambda {

    /** The instant of the Lambda's clock: every envelope it publishes occurred then. */
    public static final Instant NOW = Instant.parse("2024-03-01T00:01:02Z");

    /** The fixture whose application is being started on this thread, for the application's beans to reach. */
    static final ThreadLocal<InMemoryLambda> STARTING = new ThreadLocal<>();

    private final Domain domain;
    private final String functionName;
    private final OutageKeyValueStore state = new OutageKeyValueStore();
    private final List<BusEvent> published = new CopyOnWriteArrayList<>();
    private FunctionInvoker invoker;

    private InMemoryLambda(Domain domain, String definition) {
        this.domain = domain;
        this.functionName = "quantum-" + lambdaName(domain.id()) + "-" + lambdaName(definition);
    }

    /**
     * Cold-starts the function of that name (a routing-table handler or a periodic job) of the domain under test;
     * its module is found by the ServiceLoader on the classpath, or under the given test resource directories (see
     * {@link LambdaRuntime#start(Class, String, String...)}).
     */
    public static InMemoryLambda start(Domain domain, String definition, String... modulesDirectories) {
        InMemoryLambda lambda = new InMemoryLambda(domain, definition);
        STARTING.set(lambda);
        try {
            lambda.invoker = LambdaRuntime.start(InMemoryLambdaApplication.class, definition, modulesDirectories);
        } finally {
            STARTING.remove();
        }
        return lambda;
    }

    /** One invocation with a real-shaped event; the function's reply (its summary) as a string. */
    public String invoke(String eventJson, String requestId) throws IOException {
        return LambdaRuntime.invoke(invoker, functionName, eventJson, requestId);
    }

    /** What the function published so far, in order (a live view). */
    public List<BusEvent> published() {
        return Collections.unmodifiableList(published);
    }

    public void forgetPublished() {
        published.clear();
    }

    /** The state of the domain under test. */
    public OutageKeyValueStore state() {
        return state;
    }

    Domain domain() {
        return domain;
    }

    void record(BusEvent event) {
        published.add(event);
    }

    private static String lambdaName(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
