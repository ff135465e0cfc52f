package org.sweetshop.ui.office.staff;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;
import org.sweetshop.staff.StaffView;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;

/**
 * Staff: the accounts, adding one and resetting a password (each with a generated password shown
 * once), deactivating one. The service decides who may do what (a manager adds cashiers only).
 */
public final class StaffViewModel {

    private final StaffService staffService;
    private final Caller manager;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<StaffView> staff = FXCollections.observableArrayList();

    public StaffViewModel(StaffService staffService, Caller manager, OfficeStatus status, TaskExecutor tasks) {
        this.staffService = staffService;
        this.manager = manager;
        this.status = status;
        this.tasks = tasks;
    }

    /** Reads the accounts again. */
    public void reload() {
        status.task(() -> staffService.list(manager)).onSuccess(staff::setAll).executeWith(tasks);
    }

    /** Adds a member of staff with a generated password, shown once for them to write down. */
    public void addStaff(String username, Role role) {
        if (role == null) {
            status.refuse("choose a role");
            return;
        }
        String password = StaffService.generatePassword();
        status.say("Adding " + username + "…");
        status.task(() -> staffService.register(manager, username, role, password))
                .onSuccess(added -> changed("Added " + added.username() + " (" + added.role().label() + "). Their password: " + password
                        + " (shown once: write it down)."))
                .executeWith(tasks);
    }

    public void deactivateStaff(String username) {
        status.say("Deactivating " + username + "…");
        status.task(() -> staffService.deactivate(manager, username))
                .onSuccess(done -> changed(username + " can no longer log in."))
                .executeWith(tasks);
    }

    public void resetPassword(String username) {
        String password = StaffService.generatePassword();
        status.say("Resetting the password…");
        status.task(() -> staffService.resetPassword(manager, username, password))
                .onSuccess(done -> changed("New password for " + username + ": " + password + " (shown once: write it down)."))
                .executeWith(tasks);
    }

    private void changed(String done) {
        status.say(done);
        reload();   // says nothing when it works: the action's message stays
    }

    public ObservableList<StaffView> staff() {
        return staff;
    }
}
