package org.sweetshop.ui.office.shared;

import javafx.scene.control.Tab;

/**
 * One tab of the back office as the shell assembles it: the JavaFX tab, and what it reads again
 * each time it is shown (the tills sell meanwhile), or nothing.
 *
 * @param whenShown run when the tab is chosen; null when the tab has nothing to read again
 */
public record OfficeTab(Tab tab, Runnable whenShown) {

    public void shown() {
        if (whenShown != null) {
            whenShown.run();
        }
    }
}
