package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.DemoStore;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.shift.ZReport;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;

/** The till window's journey on plain JUnit: same-thread executors, the real services and database. */
class TillViewModelTest extends DatabaseTest {

    private static final TaskExecutor SAME_THREAD = TaskExecutor.sameThread();

    @TempDir
    Path couponDir;

    private TillServices services;

    private TillViewModel started() {
        services = TillApp.services(app);
        TillViewModel model = new TillViewModel("T1", () -> services, SAME_THREAD);
        model.start();
        return model;
    }

    @Test
    void aStoreWithStaffStartsAtTheLogInScreen() {
        TillViewModel model = started();
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.LOGIN);
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.services()).isSameAs(services);
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsShownNotThrown() {
        TillViewModel model = new TillViewModel("T1", () -> {
            throw new DatabaseUnreachableException("store database unreachable: check the network", null);
        }, SAME_THREAD);
        model.start();
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.FAILED);
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.messageProperty().get())
                .isEqualTo("The store database could not be opened: store database unreachable: check the network");
    }

    @Test
    void anEmptyStoreStartsAtFirstRunWhichCreatesTheOwnerAndLoadsTheDemo() {
        TestDatabase.get().reset();
        TillViewModel model = started();
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.FIRST_RUN);

        model.createOwner("Alice", "a-long-password", "a-long-password", true, couponDir);

        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.OPEN_SHIFT);
        assertThat(model.cashierProperty().get().username()).isEqualTo("Alice");
        assertThat(model.welcomeProperty().get()).startsWith("Demo store loaded. Write these down: manager / ");
        assertThat(app.catalog().list()).hasSize(DemoStore.SWEETS.size());
        assertThat(app.promos().list()).hasSize(2);
        try (var files = Files.list(couponDir)) {
            assertThat(files.count()).isEqualTo(5);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void firstRunRefusesDifferentPasswordsAndCreatesNothing() {
        TestDatabase.get().reset();
        TillViewModel model = started();
        String before = Snapshot.of(app.database().dataSource());

        model.createOwner("Alice", "a-long-password", "a-long-passwore", true, couponDir);
        assertThat(model.messageProperty().get()).isEqualTo("The two passwords differ: type the same password twice.");
        model.createOwner("Alice", "short", "short", false, couponDir);

        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.FIRST_RUN);
        assertThat(model.messageProperty().get()).containsIgnoringCase("password");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void logInOpensAShiftThenSellingAndTheNextLogInContinuesIt() {
        TillViewModel model = started();
        model.login("cashier", "wrong");
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.LOGIN);
        assertThat(model.messageProperty().get()).startsWith("Wrong");

        model.login("cashier", PASSWORD);
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.OPEN_SHIFT);
        model.openShift("-5");
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.OPEN_SHIFT);
        assertThat(app.shifts().current("T1")).isEmpty();
        model.openShift("50.00");
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.SELLING);
        assertThat(model.shiftProperty().get().openingFloat()).isEqualByComparingTo("50.00");

        model.logout();
        model.login("manager", PASSWORD);
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.SELLING);
        assertThat(model.shiftProperty().get().openedBy()).isEqualTo("cashier");
    }

    @Test
    void closingTheShiftShowsItsZReport() {
        TillViewModel model = started();
        model.login("cashier", PASSWORD);
        model.openShift("10");
        model.closeShift("ten pounds");
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.SELLING);

        model.closeShift("10.00");

        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.Z_REPORT);
        ZReport z = model.zReportProperty().get();
        assertThat(z.sales()).isZero();
        assertThat(z.difference()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(model.shiftProperty().get()).isNull();
        model.logout();
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.LOGIN);
        assertThat(model.zReportProperty().get()).isNull();
    }
}
