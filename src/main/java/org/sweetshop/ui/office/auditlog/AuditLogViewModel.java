package org.sweetshop.ui.office.auditlog;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.staff.AuditLogService;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;

/** The audit log: price changes, catalogue and staff actions, newest first. */
public final class AuditLogViewModel {

    /** How many entries the tab shows. */
    static final int LATEST = 500;

    private final AuditLogService auditLog;
    private final Caller manager;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();

    public AuditLogViewModel(AuditLogService auditLog, Caller manager, OfficeStatus status, TaskExecutor tasks) {
        this.auditLog = auditLog;
        this.manager = manager;
        this.status = status;
        this.tasks = tasks;
    }

    /** Reads the newest entries again. */
    public void load() {
        status.task(() -> auditLog.list(manager, AuditLogFilter.latest(LATEST))).onSuccess(entries::setAll).executeWith(tasks);
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }
}
