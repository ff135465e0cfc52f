package org.sweetshop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final String[] FEATURES = {"org.sweetshop.staff..", "org.sweetshop.catalog..", "org.sweetshop.stock..",
            "org.sweetshop.coupon..", "org.sweetshop.promo..", "org.sweetshop.sale..", "org.sweetshop.audit..",
            "org.sweetshop.report..", "org.sweetshop.shift..", "org.sweetshop.refund.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sweetshop");
    }

    @Test
    void nothingOutsideTheUiTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.sweetshop.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theUiSeesServicesAndRecordsOnlyNeverPersistence() {
        noClasses().that().resideInAPackage("org.sweetshop.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.sweetshop.db..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }

    @Test
    void theCommandLineSeesServicesAndRecordsOnlyNeverEntities() {
        noClasses().that().resideInAPackage("org.sweetshop.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        // the launcher hands the process's streams to the command line; it writes nothing itself
        noClasses().that().resideOutsideOfPackage("org.sweetshop.cli..").and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }

    @Test
    void servicesAndBelowDoNotDependOnTheUiOrTheCommandLine() {
        noClasses().that().resideInAnyPackage(FEATURES).or().resideInAnyPackage("org.sweetshop.db..", "org.sweetshop.common..",
                        "org.sweetshop.config..", "org.sweetshop.scan..", "org.sweetshop.print..", "org.sweetshop.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop.ui..", "org.sweetshop.cli..")
                .check(classes);
    }

    @Test
    void theDatabaseLayerKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.sweetshop.db..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void commonTypesDependOnNothingOfTheApp() {
        classes().that().resideInAPackage("org.sweetshop.common..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.sweetshop.common..", "java..")
                .check(classes);
    }

    @Test
    void scanningHasNoDatabase() {
        noClasses().that().resideInAPackage("org.sweetshop.scan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop.db..", "jakarta.persistence..", "org.hibernate..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void printingHasNoDatabase() {
        // receipts and labels are rendered from records: no persistence, no entity, no connection
        noClasses().that().resideInAPackage("org.sweetshop.print..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop.db..", "jakarta.persistence..", "org.hibernate..",
                        "java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.sweetshop.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresDoNotReachIntoTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(FEATURES).or().resideInAnyPackage("org.sweetshop.db..", "org.sweetshop.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop")
                .check(classes);
    }
}
