package org.sweetshop.ui.office;

import org.sweetshop.AppContext;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;

/** The back office's services and view models out of a test's app. */
public final class Offices {

    private Offices() {
    }

    public static OfficeServices services(AppContext app) {
        return new OfficeServices(app.catalog(), app.stock(), app.catalogImport(), app.deliveryImport(), app.refunds(), app.coupons(),
                app.promos(), app.staff(), app.reports(), app.auditLog(), app.conflicts(), app.settings());
    }

    /** Every tab's view model, wired as the back office wires them, at terminal "BO". */
    public static OfficeModels models(AppContext app, Caller manager, TaskExecutor tasks) {
        return new OfficeModels(services(app), manager, "BO", tasks);
    }
}
