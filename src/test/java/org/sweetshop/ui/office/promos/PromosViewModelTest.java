package org.sweetshop.ui.office.promos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.ui.office.OfficeTest;

/** The promo codes tab's model. */
class PromosViewModelTest extends OfficeTest {

    private PromosViewModel promos;

    @BeforeEach
    void tabs() {
        promos = office.promos();
    }

    @Test
    void promoCodesAreAddedCheckedAndDeactivated() {
        promos.addPromo("SPRING", true, "15", "100", "2099-05-31");
        assertThat(status.messageProperty().get()).isEqualTo("Promo SPRING added: 15% off.");
        promos.addPromo("BAD", true, "15", "100", "31/05/2099");
        assertThat(status.messageProperty().get()).isEqualTo("Valid until must be a date such as 2027-03-31, not '31/05/2099'.");
        promos.deactivatePromo("SPRING");
        assertThat(promos.promos()).filteredOn(p -> p.code().equals("SPRING")).extracting(p -> p.active()).containsExactly(false);
    }

    @Test
    void promoLimitsAreEdited() {
        promos.addPromo("SPRING", true, "15", "100", "");
        promos.editPromo("SPRING", "20", "2099-01-31", true);
        assertThat(status.messageProperty().get()).isEqualTo("Promo SPRING: 0 of 20 uses, until 2099-01-31.");
        promos.editPromo("SPRING", "many", "", true);
        assertThat(status.messageProperty().get()).isEqualTo("Maximum uses must be a whole number such as 12, not 'many'.");
    }
}
