package org.sweetshop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.testing.DatabaseTest;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real till window, headless (TestFX on Monocle), on the real database. */
@ExtendWith(ApplicationExtension.class)
class TillViewTest extends DatabaseTest {

    private Stage stage;

    @BeforeEach
    void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @Test
    void showsTheCatalogueAsTilesWithTheTillNameAndTheDatabase(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("NONE", "0.50", 0);
        StartupViewModel model = new StartupViewModel(() -> app, Executors.newSingleThreadExecutor(), Platform::runLater);
        FxToolkit.setupStage(s -> {
            Scene scene = new Scene(new TillView("T9", model).root(), 800, 600);
            scene.getStylesheets().add(TillView.STYLESHEET);
            s.setScene(scene);
            s.show();
        });

        WaitForAsyncUtils.asyncFx(model::start).get(5, TimeUnit.SECONDS);
        // the view is complete once the status bar says connected (the view model's last step)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#connection").queryAs(Label.class).getStyleClass().contains("status-ok"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#till-name").queryAs(Label.class).getText()).isEqualTo("Till T9");
        assertThat(robot.lookup("#connection").queryAs(Label.class).getStyleClass()).contains("status-ok");
        assertThat(robot.lookup(".tile-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("Sweet SL", "Sweet NONE");
        Node soldOut = robot.lookup(".tile-stock-out").query().getParent();
        assertThat(soldOut.isDisabled()).isTrue();
    }
}
