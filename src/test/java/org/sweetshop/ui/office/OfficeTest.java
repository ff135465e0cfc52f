package org.sweetshop.ui.office;

import org.sweetshop.ui.office.shared.OfficeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * A test of a back office tab's view model on plain JUnit: same-thread executors, the real
 * services and database, two sweets (SL 1.20 × 5, FB 0.85 × 2) and the tabs' lists loaded.
 */
public abstract class OfficeTest extends DatabaseTest {

    /** Every tab's model, wired as in the back office. */
    protected OfficeModels office;
    /** The message line and busy state the tabs share. */
    protected OfficeStatus status;

    @BeforeEach
    void openTheBackOffice() {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 2);
        office = Offices.models(app, manager, tasks());
        status = office.status();
        office.reload();
    }

    /** How the models run their steps: on the test's thread, unless a test says otherwise. */
    protected TaskExecutor tasks() {
        return TaskExecutor.sameThread();
    }

    /** Chooses a sweet in the catalogue's table. */
    protected void choose(String sku) {
        office.catalogue().selectedProperty().set(office.catalogue().sweets().stream().filter(s -> s.sku().equals(sku)).findFirst()
                .orElseThrow());
    }
}
