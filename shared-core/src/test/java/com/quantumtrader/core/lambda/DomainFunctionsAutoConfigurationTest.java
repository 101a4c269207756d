package com.quantumtrader.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.events.Domain;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DomainFunctionsAutoConfigurationTest {

    private final DomainFunctionsAutoConfiguration configuration = new DomainFunctionsAutoConfiguration();

    @Test
    void eventBridgePublisherNeedsTheBusName() {
        assertThatThrownBy(() -> configuration.eventBridgePublisher(environment(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EVENT_BUS_NAME is not set: it names the EventBridge bus to publish on");
        assertThatThrownBy(() -> configuration.eventBridgePublisher(environment(Map.of("EVENT_BUS_NAME", "  "))))
                .hasMessageStartingWith("EVENT_BUS_NAME is not set");
    }

    @Test
    void redisNeedsItsUrlAndNeverStartsAnEmbeddedServerInALambda() {
        assertThatThrownBy(() -> configuration.redisConnections(environment(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("REDIS_URL is not set: it names the Redis server of state, idempotency and policy");
    }

    @Test
    void findsNoDomainModuleOnAPlainClasspathAndTheTestModuleWhereItIsRegistered() throws IOException {
        ClassLoader plain = getClass().getClassLoader();
        assertThat(DomainFunctionRegistrar.discover(plain)).isEmpty();

        try (URLClassLoader withModules = new URLClassLoader(
                new URL[] {getClass().getResource("/lambda-test-modules/")}, plain)) {
            Map<Domain, DomainModule> modules = DomainFunctionRegistrar.discover(withModules);

            assertThat(modules).containsOnlyKeys(Domain.CORE_OS);
            assertThat(modules.get(Domain.CORE_OS)).isInstanceOf(BarRegimeTestModule.class);
        }
    }

    @Test
    void periodicJobsAreDeclaredWithoutAPolicyAndAModuleReadingItWhileDeclaringFails() {
        assertThat(DeclaredPeriodicJobs.of(new BarRegimeTestModule()))
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.name()).isEqualTo(BarRegimeTestModule.JOB);
                    assertThat(job.period()).isEqualTo(BarRegimeTestModule.JOB_PERIOD);
                });

        DomainModule eager = new DomainModule() {
            @Override
            public Domain domain() {
                return Domain.PORTFOLIO;
            }

            @Override
            public List<HandlerDefinition> handlers(DomainServices services) {
                return List.of();
            }

            @Override
            public List<PeriodicJob> periodicJobs(DomainServices services) {
                Duration period = services.policy().current() == null ? Duration.ofHours(1) : Duration.ofHours(2);
                return List.of(new PeriodicJob("eager", period, List::of));
            }
        };
        assertThatThrownBy(() -> DeclaredPeriodicJobs.of(eager))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("read the policy while declaring its periodic jobs; read it inside the job,"
                        + " on each run");
    }

    @Test
    void switchesTheBannerOffBelowEveryOtherSetting() {
        ConfigurableEnvironment environment = new StandardEnvironment();
        new LambdaDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .isEqualTo(LambdaDefaults.SOURCE_NAME);
    }

    private static ConfigurableEnvironment environment(Map<String, Object> properties) {
        ConfigurableEnvironment environment = new AbstractEnvironment() { };
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
