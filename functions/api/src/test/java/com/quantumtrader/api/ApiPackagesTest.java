package com.quantumtrader.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the api module is layered: the entry points ({@code lambda}, {@code local}) sit on the routes, the routes on the
 * HTTP values ({@code http}) and the trading read model ({@code readmodel}); nothing points back up.
 */
class ApiPackagesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.quantumtrader.api");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.quantumtrader.api.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingButTheEntryPointsKnowsTheEntryPoints() {
        noClasses().that().resideOutsideOfPackages("..api.lambda..", "..api.local..")
                .should().dependOnClassesThat().resideInAnyPackage("..api.lambda..", "..api.local..")
                .check(classes);
    }

    @Test
    void theHttpValuesAndTheReadModelKnowNoRoute() {
        noClasses().that().resideInAnyPackage("..api.http..", "..api.readmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("..api.routes..")
                .check(classes);
    }

    @Test
    void aRouteGroupKnowsNeitherTheRouterNorAnotherGroup() {
        List<String> groups = List.of("admin", "health", "trading");
        for (String group : groups) {
            List<String> others = new ArrayList<>(List.of("com.quantumtrader.api.routes"));
            groups.stream().filter(g -> !g.equals(group)).forEach(g -> others.add("..api.routes." + g + ".."));
            noClasses().that().resideInAPackage("..api.routes." + group + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .check(classes);
        }
    }
}
