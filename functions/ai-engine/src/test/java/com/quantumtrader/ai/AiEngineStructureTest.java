package com.quantumtrader.ai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.quantumtrader.core.handler.EventHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AI engine's inside (DESIGN.md "Inside a domain"): pure model, strategy and SPI packages, repositories in
 * ai.store, handlers on top, no package cycles.
 */
class AiEngineStructureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importTheAiEngine() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.quantumtrader.ai");
    }

    @Test
    void decisionCodeDependsOnNoStoreHandlerOrRuntimeType() {
        noClasses().that().resideInAnyPackage("com.quantumtrader.ai..model..", "com.quantumtrader.ai.spi..",
                        "com.quantumtrader.ai.strategies..", "com.quantumtrader.ai.calibration..")
                .should().dependOnClassesThat().resideInAnyPackage("com.quantumtrader.ai.store..",
                        "com.quantumtrader.core.handler..", "com.quantumtrader.core.state..",
                        "com.quantumtrader.core.bus..", "com.quantumtrader.core.lambda..",
                        "com.quantumtrader.core.redis..", "com.quantumtrader.core.outbox..",
                        "com.quantumtrader.core.time..")
                .orShould().dependOnClassesThat().implement(EventHandler.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .because("decisions take values in and give an outcome out; time is passed in as a value")
                .check(classes);
    }

    @Test
    void onlyTheStoreTouchesTheStateStore() {
        noClasses().that().resideInAPackage("com.quantumtrader.ai..")
                .and().resideOutsideOfPackage("com.quantumtrader.ai.store..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("the state store",
                                        owner -> owner.isAssignableTo(
                                                com.quantumtrader.core.state.KeyValueStore.class)))))
                .because("every Redis key of the AI engine is built in ai.store")
                .check(classes);
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("com.quantumtrader.ai.(**)").should().beFreeOfCycles().check(classes);
    }
}
