package org.sweetshop.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sweetshop.testing.DatabaseTest;

/** Who may open the back office. */
class BackOfficeTest extends DatabaseTest {

    @Test
    void onlyManagersAndOwnersMayUseIt() {
        assertThat(BackOffice.allowed(cashier)).isFalse();
        assertThat(BackOffice.allowed(manager)).isTrue();
        assertThat(BackOffice.allowed(owner)).isTrue();
        assertThat(BackOffice.allowed(null)).isFalse();
    }
}
