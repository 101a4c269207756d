package com.quantumtrader.core.testing;

import com.quantumtrader.core.lambda.TestLambdaContext;
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
 * one pinned function definition) and feeds it events, as the runtime's input stream with a Lambda context.
 */
public final class LambdaRuntime {

    private static final String MAIN_CLASS = "MAIN_CLASS";

    private LambdaRuntime() {
    }

    /**
     * Cold-starts the function on that application class. The domain modules are those the ServiceLoader finds on the
     * test's classpath, plus those registered under the given test resource directories (each holding a
     * {@code META-INF/services} list), which lets a test load modules it keeps off the classpath's own service list.
     * The previous {@code MAIN_CLASS} is restored afterwards, so tests do not leak it to each other.
     */
    public static FunctionInvoker start(Class<?> mainClass, String definition, String... modulesDirectories) {
        URL[] modules = new URL[modulesDirectories.length];
        for (int i = 0; i < modulesDirectories.length; i++) {
            modules[i] = LambdaRuntime.class.getResource(modulesDirectories[i]);
            if (modules[i] == null) {
                throw new IllegalArgumentException("no test resource directory " + modulesDirectories[i]);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        String previousMain = System.getProperty(MAIN_CLASS);
        System.setProperty(MAIN_CLASS, mainClass.getName());
        try (URLClassLoader withModules = new URLClassLoader(modules, original)) {
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

    /** One Lambda invocation of that function: the event as the runtime's input stream, the reply as a string. */
    public static String invoke(FunctionInvoker invoker, String functionName, String eventJson, String requestId)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                new TestLambdaContext(functionName, requestId));
        return out.toString(StandardCharsets.UTF_8);
    }
}
