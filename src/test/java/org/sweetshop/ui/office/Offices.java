package org.sweetshop.ui.office;

import org.sweetshop.AppContext;

/** The back office's services out of a test's app. */
final class Offices {

    private Offices() {
    }

    static OfficeServices services(AppContext app) {
        return new OfficeServices(app.catalog(), app.stock(), app.catalogImport(), app.deliveryImport(), app.refunds(), app.coupons(),
                app.promos(), app.staff(), app.reports(), app.auditLog());
    }
}
