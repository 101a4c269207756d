package com.quantumtrader.core.lambda;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every platform Spring application starts with, below any other property source: no banner, because
 * every line on stdout must be one JSON log object (CloudWatch and the local log reader parse them).
 */
public final class LambdaDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "quantumTraderDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                    Map.of("spring.main.banner-mode", "off")));
        }
    }
}
