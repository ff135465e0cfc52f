package org.sweetshop.ui.till;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sweetshop.ui.till.sell.Basket;

/** How the till's rooms depend on one another and on the rest of the app. */
class TillLayoutTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sweetshop.ui");
    }

    @Test
    void viewModelsRunTheirBackgroundWorkAsBackgroundTasksOnly() {
        // a view model never makes threads or executors of its own: it hands BackgroundTasks to the TaskExecutor
        // nor do the helpers they hand work to (Checkout, CodeChecks, LiveCatalogue, the office's tabs)
        noClasses().that().resideInAnyPackage("org.sweetshop.ui.till.sell..", "org.sweetshop.ui.office..")
                .or().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Future.class)
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .check(classes);
    }

    @Test
    void theSellingScreenKnowsNothingOfTheWindowAroundIt() {
        noClasses().that().resideInAPackage("org.sweetshop.ui.till.sell..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop.ui.till", "org.sweetshop.ui.office..")
                .check(classes);
    }

    @Test
    void theBasketIsPlainData() {
        noClasses().that().haveFullyQualifiedName(Basket.class.getName()).or().haveNameMatching(Basket.class.getName() + "\\$.*")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
