package org.sweetshop.ui.office.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.catalogue.CatalogueViewModel;

/** The audit log tab's model. */
class AuditLogViewModelTest extends OfficeTest {

    private AuditLogViewModel auditLog;
    private CatalogueViewModel catalogue;

    @BeforeEach
    void tabs() {
        auditLog = office.auditLog();
        catalogue = office.catalogue();
    }

    @Test
    void theAuditLogListsPriceChanges() {
        choose("FB");
        catalogue.changePrice("0.99");
        auditLog.load();
        assertThat(auditLog.entries()).first().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("FB");
            assertThat(entry.oldValue()).isEqualTo("0.85");
            assertThat(entry.newValue()).isEqualTo("0.99");
            assertThat(entry.staff()).isEqualTo("manager");
        });
    }
}
