package org.sweetshop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.testing.DatabaseTest;

/** The start-up view model on plain JUnit: same-thread executors, no UI thread. */
class StartupViewModelTest extends DatabaseTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @Test
    void opensTheDatabaseAndShowsOnlySweetsForSale() {
        sweet("SL", "1.20", 5);
        sweet("OLD", "1.00", 5);
        app.catalog().deactivate(manager, "OLD");
        StartupViewModel model = new StartupViewModel(() -> app, SAME_THREAD, SAME_THREAD);

        model.start();

        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.sweetsProperty().get()).extracting(SweetView::sku).containsExactly("SL");
        assertThat(model.statusProperty().get()).isEqualTo("1 sweet");
        assertThat(model.context()).isSameAs(app);
    }

    @Test
    void anEmptyCatalogueSaysHowToFillIt() {
        StartupViewModel model = new StartupViewModel(() -> app, SAME_THREAD, SAME_THREAD);

        model.start();

        assertThat(model.statusProperty().get()).contains("sweetshop demo");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsShownNotThrown() {
        StartupViewModel model = new StartupViewModel(() -> {
            throw new DatabaseUnreachableException("store database unreachable: check the network", null);
        }, SAME_THREAD, SAME_THREAD);

        model.start();

        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("The store database could not be opened: store database unreachable: check the network");
        assertThat(model.context()).isNull();
    }
}
