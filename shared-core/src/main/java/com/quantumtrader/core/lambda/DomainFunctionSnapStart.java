package com.quantumtrader.core.lambda;

import com.quantumtrader.core.ml.registry.ModelRegistries;
import com.quantumtrader.core.ml.serving.ModelLoader;
import com.quantumtrader.core.redis.RedisConnections;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.core.env.Environment;

/**
 * Registers the SnapStart hooks of a domain Lambda once its context is up: before the checkpoint, prime every
 * handler function (its decode path, without side effects) and load the champions of a model-serving function and close the Redis connections if an invocation opened
 * them (the runtimes built on them are dropped, and the Redis-backed beans destroyed with the connections); after the
 * restore, open them again, so the first invocation of a restored environment does not pay for the connection.
 */
final class DomainFunctionSnapStart implements SmartInitializingSingleton {

    /** Comma-separated strategy slots whose champions a model-serving function primes (the AI engine's). */
    static final String MODEL_SLOTS = "MODEL_SLOTS";
    private static final Logger LOG = LoggerFactory.getLogger(DomainFunctionSnapStart.class);

    private final DefaultListableBeanFactory beans;
    private final Environment environment;
    private volatile boolean reopenAfterRestore;
    private volatile SnapStartHooks hooks;

    DomainFunctionSnapStart(DefaultListableBeanFactory beans, Environment environment) {
        this.beans = beans;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String function = environment.getProperty("spring.cloud.function.definition", "domain functions");
        hooks = new SnapStartHooks(function, this::prime, this::closeConnections, this::reopenConnections).register();
    }

    /** The registered hooks (tests call them as Lambda would). */
    SnapStartHooks hooks() {
        return hooks;
    }

    void prime() {
        for (Object target : functions()) {
            if (target instanceof DomainHandlerFunction handler) {
                handler.prime();
            }
        }
        primeChampions();
    }

    /**
     * A model-serving function ({@value #MODEL_SLOTS} names its strategy slots) loads each slot's champion from the
     * Redis model registry before the checkpoint and runs one inference, so the snapshot holds the loaded model (and
     * the warmed inference path) and no restored environment pays for the load. Reads only; a champion that fails to
     * load fails the checkpoint, and so the version's publication.
     */
    void primeChampions() {
        String slots = environment.getProperty(MODEL_SLOTS, "");
        if (slots.isBlank()) {
            return;
        }
        ModelLoader loader = ModelLoader.shared(ModelRegistries.redis(beans.getBean(RedisConnections.class)));
        for (String slot : slots.split(",")) {
            if (slot.isBlank()) {
                continue;
            }
            loader.champion(slot.trim()).ifPresentOrElse(
                    model -> model.probability(new double[model.manifest().featureSpec().features().size()]),
                    () -> LOG.warn("snapstart priming: strategy slot {} has no champion yet", slot.trim()));
        }
    }

    void closeConnections() {
        List<String> open = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(RedisConnections.class, true, false)) {
            if (beans.containsSingleton(name)) {
                open.add(name);
            }
        }
        reopenAfterRestore = !open.isEmpty();
        for (Object target : functions()) {
            if (target instanceof DomainHandlerFunction handler) {
                handler.forgetRuntime();
            } else if (target instanceof PeriodicJobFunction job) {
                job.forgetRuntime();
            }
        }
        // destroys the beans built on the connections too (idempotency, policy store and its subscription)
        open.forEach(beans::destroySingleton);
    }

    void reopenConnections() {
        if (reopenAfterRestore) {
            beans.getBean(RedisConnections.class);
        }
    }

    private List<Object> functions() {
        List<Object> targets = new ArrayList<>();
        for (FunctionRegistration<?> registration : beans.getBeansOfType(FunctionRegistration.class).values()) {
            targets.add(registration.getTarget());
        }
        return targets;
    }
}
