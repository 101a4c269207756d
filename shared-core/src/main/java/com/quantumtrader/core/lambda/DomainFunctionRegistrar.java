package com.quantumtrader.core.lambda;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;

/**
 * Registers one function bean per handler of every {@link DomainModule} on the classpath (found by
 * {@link ServiceLoader}), named as the routing table names the handler, and one per periodic job, named as the job
 * (a name no handler of the routing table may have). Only the pinned one ({@code spring.cloud.function.definition})
 * is ever invoked in a Lambda; creating a bean builds nothing but a route matcher, so the others cost nothing.
 */
final class DomainFunctionRegistrar implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {

    private static final Logger LOG = LoggerFactory.getLogger(DomainFunctionRegistrar.class);

    private final RoutingTable routingTable;
    private ClassLoader classLoader = DomainFunctionRegistrar.class.getClassLoader();

    DomainFunctionRegistrar(RoutingTable routingTable) {
        this.routingTable = routingTable;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Map<Domain, DomainModule> modules = discover(classLoader);
        if (modules.isEmpty()) {
            LOG.warn("no DomainModule on the classpath (META-INF/services/{}): no handler functions registered",
                    DomainModule.class.getName());
            return;
        }
        ObjectProvider<LambdaEnvironment> environment = ((BeanFactory) registry).getBeanProvider(LambdaEnvironment.class);
        List<String> names = new ArrayList<>();
        for (DomainModule module : modules.values()) {
            for (Route route : routingTable.routesOf(module.domain())) {
                if (registry.containsBeanDefinition(route.handler())) {
                    throw new IllegalStateException("bean name " + route.handler() + " is taken; handler functions are"
                            + " named after their routing-table entry");
                }
                RootBeanDefinition definition = new RootBeanDefinition(FunctionRegistration.class,
                        () -> registration(module, route, environment));
                registry.registerBeanDefinition(route.handler(), definition);
                names.add(route.handler());
            }
        }
        Set<String> handlerNames = routingTable.routes().stream().map(Route::handler).collect(Collectors.toSet());
        for (DomainModule module : modules.values()) {
            for (PeriodicJob job : DeclaredPeriodicJobs.of(module)) {
                if (handlerNames.contains(job.name()) || registry.containsBeanDefinition(job.name())) {
                    throw new IllegalStateException("periodic job " + job.name() + " of " + module.domain().id()
                            + " has the name of " + (handlerNames.contains(job.name()) ? "a routing-table handler"
                            : "another bean") + "; a Lambda is pinned to one function by name, so names must be unique");
                }
                RootBeanDefinition definition = new RootBeanDefinition(FunctionRegistration.class,
                        () -> jobRegistration(module, job.name(), environment));
                registry.registerBeanDefinition(job.name(), definition);
                names.add(job.name());
            }
        }
        LOG.debug("handler and periodic job functions registered: {}", names);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // everything happens at registration
    }

    static Map<Domain, DomainModule> discover(ClassLoader classLoader) {
        Map<Domain, DomainModule> modules = new TreeMap<>();
        for (DomainModule module : ServiceLoader.load(DomainModule.class, classLoader)) {
            DomainModule other = modules.putIfAbsent(module.domain(), module);
            if (other != null) {
                throw new IllegalStateException("two DomainModules for " + module.domain().id() + ": "
                        + other.getClass().getName() + " and " + module.getClass().getName());
            }
        }
        return modules;
    }

    private static FunctionRegistration<PeriodicJobFunction> jobRegistration(DomainModule module, String job,
                                                                           ObjectProvider<LambdaEnvironment> environment) {
        return new FunctionRegistration<>(new PeriodicJobFunction(module, job, environment), job)
                .type(FunctionTypeUtils.discoverFunctionTypeFromClass(PeriodicJobFunction.class));
    }

    private static FunctionRegistration<DomainHandlerFunction> registration(DomainModule module, Route route,
                                                                          ObjectProvider<LambdaEnvironment> environment) {
        return new FunctionRegistration<>(new DomainHandlerFunction(module, route, environment), route.handler())
                .type(FunctionTypeUtils.discoverFunctionTypeFromClass(DomainHandlerFunction.class));
    }
}
