package com.quantumtrader.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.EventType;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules that keep the domains apart, checked on the compiled classes of every domain (the Maven enforcer
 * checks the module dependencies; this checks the code).
 */
class DomainBoundariesTest {

    static final Map<Domain, String> PACKAGES = Map.of(
            Domain.AI_ENGINE, "com.quantumtrader.ai",
            Domain.EXECUTION, "com.quantumtrader.execution",
            Domain.RISK_SAFETY, "com.quantumtrader.risk",
            Domain.PORTFOLIO, "com.quantumtrader.portfolio",
            Domain.LEARNING, "com.quantumtrader.learning",
            Domain.CORE_OS, "com.quantumtrader.os");

    /**
     * Code that may emit a domain's events: the domain itself, and for core OS also the operator API, which is the
     * control plane's front door (operator commands travel as core OS events).
     */
    static final Map<Domain, List<String>> EMITTERS = Map.of(
            Domain.AI_ENGINE, List.of("com.quantumtrader.ai"),
            Domain.EXECUTION, List.of("com.quantumtrader.execution"),
            Domain.RISK_SAFETY, List.of("com.quantumtrader.risk"),
            Domain.PORTFOLIO, List.of("com.quantumtrader.portfolio"),
            Domain.LEARNING, List.of("com.quantumtrader.learning"),
            Domain.CORE_OS, List.of("com.quantumtrader.os", "com.quantumtrader.api"));

    static JavaClasses classes;

    @BeforeAll
    static void importDomainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.quantumtrader");
    }

    @ParameterizedTest
    @EnumSource(Domain.class)
    void aDomainNeverReferencesAnotherDomain(Domain domain) {
        String[] others = PACKAGES.entrySet().stream()
                .filter(e -> e.getKey() != domain)
                .map(e -> e.getValue() + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(PACKAGES.get(domain) + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("domains talk only through events")
                .check(classes);
    }

    @Test
    void theApiReferencesNoDomainCode() {
        // api carries the domain modules at runtime only, for their policy sections (see functions/api/pom.xml)
        noClasses().that().resideInAPackage("com.quantumtrader.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        PACKAGES.values().stream().map(p -> p + "..").toArray(String[]::new))
                .because("the admin route reaches the domains through events and the policy store only")
                .check(classes);
    }

    @ParameterizedTest
    @EnumSource(Domain.class)
    void domainCodeHasNoAwsSpringOrRedisTypes(Domain domain) {
        noClasses().that().resideInAPackage(PACKAGES.get(domain) + "..")
                .and().resideOutsideOfPackage("..adapter..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.amazonaws..", "software.amazon.awssdk..", "io.lettuce..",
                        "redis.embedded..")
                .because("thin adapters, rich domain: infrastructure stays in shared-core and adapters")
                .check(classes);
    }

    @ParameterizedTest
    @EnumSource(Domain.class)
    void domainCodeTakesTimeOnlyFromTheInjectedClock(Domain domain) {
        // Adapters (e.g. the container's main) are composition roots: they may hand the system clock in.
        noClasses().that().resideInAPackage(PACKAGES.get(domain) + "..")
                .and().resideOutsideOfPackage("..adapter..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "system", java.time.ZoneId.class)
                .because("backtests must replay bit for bit")
                .check(classes);
    }

    @Test
    void everyCatalogEventIsEmittedByCodeOfItsProducerDomain() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field field : EventCatalog.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != EventType.class) {
                continue;
            }
            EventType<?> type = (EventType<?>) field.get(null);
            List<String> producerPackages = EMITTERS.get(type.producer());
            // produced = some code of the producer domain reads the constant and, in the same method, emits
            boolean produced = classes.get(EventCatalog.class).getFieldAccessesToSelf().stream()
                    .filter(access -> access.getTarget().getName().equals(field.getName()))
                    .filter(access -> producerPackages.stream()
                            .anyMatch(p -> access.getOriginOwner().getPackageName().startsWith(p)))
                    .map(JavaFieldAccess::getOrigin)
                    .anyMatch(method -> method.getMethodCallsFromSelf().stream()
                            .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Emit.class)
                                    && call.getName().equals("of")));
            if (!produced) {
                missing.add(type.name() + " (producer " + type.producer().id() + ")");
            }
        }
        assertThat(missing).as("catalog events no code of their producer domain refers to").isEmpty();
    }
}
