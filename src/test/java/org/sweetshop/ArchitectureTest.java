package org.sweetshop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sweetshop.db.Transactor;

/** The layers of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final String[] FEATURES = {"org.sweetshop.staff..", "org.sweetshop.catalog..", "org.sweetshop.stock..",
            "org.sweetshop.coupon..", "org.sweetshop.promo..", "org.sweetshop.sale..", "org.sweetshop.audit..",
            "org.sweetshop.report..", "org.sweetshop.shift..", "org.sweetshop.refund..", "org.sweetshop.backup..",
            "org.sweetshop.journal..", "org.sweetshop.settings..", "org.sweetshop.tax.."};

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
                        "org.sweetshop.config..", "org.sweetshop.scan..", "org.sweetshop.print..", "org.sweetshop.bench..",
                        "org.sweetshop.scale..", "org.sweetshop.printer..", "org.sweetshop.display..")
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
    void theScaleHasNoDatabase() {
        // the serial scale gives grams; what they are sold at is the services' business
        noClasses().that().resideInAPackage("org.sweetshop.scale..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop.db..", "jakarta.persistence..", "org.hibernate..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void thePoleDisplayHasNoDatabase() {
        // the pole display shows two lines it is given; what they say is the till's business
        noClasses().that().resideInAPackage("org.sweetshop.display..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sweetshop.db..", "jakarta.persistence..", "org.hibernate..",
                        "java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
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
    void theReceiptPrinterHasNoDatabase() {
        // the ESC/POS printer prints a receipt record it is given; it never looks a sale up itself
        noClasses().that().resideInAPackage("org.sweetshop.printer..")
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

    @Test
    void onlyTheTillsEntryPointKnowsTheCompositionRoot() {
        // the entry point (org.sweetshop.ui.till.TillApp) wires the screens;
        // every other ui class gets services, never the whole context
        DescribedPredicate<JavaClass> entryPoint = new DescribedPredicate<>("the till's entry point TillApp (and its nested classes)") {
            @Override
            public boolean test(JavaClass c) {
                return c.getName().matches("org\\.sweetshop\\.ui\\.(.+\\.)?TillApp(\\$.*)?");
            }
        };
        noClasses().that().resideInAPackage("org.sweetshop.ui..").and(DescribedPredicate.not(entryPoint))
                .should().dependOnClassesThat().haveFullyQualifiedName(AppContext.class.getName())
                .check(classes);
    }

    @Test
    void uiPackagesHaveNoCycles() {
        slices().matching("org.sweetshop.ui.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyRowLockNamesItsStepInTheGlobalLockOrder() {
        DescribedPredicate<JavaClass> locksRows = new DescribedPredicate<>("lock rows with PESSIMISTIC_WRITE") {
            @Override
            public boolean test(JavaClass c) {
                return c.getFieldAccessesFromSelf().stream().anyMatch(a -> a.getTargetOwner().isEquivalentTo(LockModeType.class)
                        && a.getName().equals("PESSIMISTIC_WRITE"));
            }
        };
        ArchCondition<JavaClass> nameTheirStep = new ArchCondition<>("take those locks through Transactor.lock, naming a LockOrder step") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean names = c.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().isEquivalentTo(Transactor.class)
                        && call.getName().equals("lock"));
                if (!names) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " locks rows without naming a LockOrder step"));
                }
            }
        };
        classes().that(locksRows).should(nameTheirStep).check(classes);
    }

    @Test
    void checkoutsBatchIsTheOnlyJdbcStatementOfTheFeaturesThatWrite() {
        // SaleWriter's pipelined batch is the one documented JDBC exception (docs/DESIGN.md); reports and
        // the audit read with plain SQL aggregates, and write nothing
        noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackages("org.sweetshop.report..", "org.sweetshop.audit..")
                .and().doNotHaveFullyQualifiedName("org.sweetshop.sale.SaleWriter")
                .should().callMethod(Connection.class, "prepareStatement", String.class)
                .orShould().callMethod(Connection.class, "createStatement")
                .check(classes);
    }
}
