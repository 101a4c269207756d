package com.quantumtrader.learning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape inside the domain: pure models, one store package, handlers around them. Packages are the slices
 * (`(**)`): a store persists its feature's model records and the feature's handler uses the store, so slicing by
 * feature (`(*)..`) would call that layout a cycle by construction.
 */
class LearningArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.quantumtrader.learning");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.quantumtrader.learning.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modelsAreValuesAndRulesOnly() {
        classes().that().resideInAPackage("com.quantumtrader.learning..model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.quantumtrader.events..",
                        "com.quantumtrader.learning..model..")
                .because("a model takes values in and gives a decision out: no store, handler, runtime or clock")
                .check(classes);
    }

    @Test
    void onlyTheStoreTouchesTheKeyValueStore() {
        classes().that().resideInAPackage("com.quantumtrader.learning..")
                .and().resideOutsideOfPackage("com.quantumtrader.learning.store..")
                .should().onlyDependOnClassesThat().doNotHaveFullyQualifiedName(
                        "com.quantumtrader.core.state.KeyValueStore")
                .because("every key of the domain is built in its store package")
                .check(classes);
    }
}
