package com.quantumtrader.core.lambda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The Spring application of every domain Lambda: auto-configuration only, no component scan. A function package
 * names it as {@code MAIN_CLASS} (or its manifest's {@code Start-Class}), puts its domain module on the classpath,
 * and pins one handler with {@code SPRING_CLOUD_FUNCTION_DEFINITION}; the Lambda handler is Spring Cloud Function's
 * {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class LambdaApplication {

    public static void main(String[] args) {
        SpringApplication.run(LambdaApplication.class, args);
    }
}
