package org.sweetshop.ui.office.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.office.OfficeTest;

/** The staff tab's model. */
class StaffViewModelTest extends OfficeTest {

    private StaffViewModel staff;

    @BeforeEach
    void tabs() {
        staff = office.staff();
    }

    @Test
    void staffAreAddedWithinTheManagersRightsAndPasswordsReset() {
        staff.addStaff("bea", Role.CASHIER);
        assertThat(status.messageProperty().get()).startsWith("Added bea (cashier). Their password: ");
        staff.addStaff("max", Role.MANAGER);
        assertThat(status.errorProperty().get()).isTrue();   // a manager cannot make managers
        assertThat(staff.staff()).extracting(s -> s.username()).doesNotContain("max");
        staff.resetPassword("bea");
        String password = status.messageProperty().get().replaceAll("^New password for bea: (\\S+) .*$", "$1");
        assertThat(app.staff().login("bea", password).username()).isEqualTo("bea");
    }
}
