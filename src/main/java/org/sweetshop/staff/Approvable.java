package org.sweetshop.staff;

import java.util.Locale;

/**
 * What a cashier may not do alone at a till, and a manager's or owner's PIN approves there
 * ({@link StaffService#approve}). A new kind of approval (a line's price override, a discount by
 * hand) is a new constant here and a check of {@link Approval#require} in the service that does it.
 */
public enum Approvable {
    /** The cash drawer opened without a sale ({@link DrawerOpenings#open(Approval, String, String, Runnable)}). */
    NO_SALE("No sale", "a no sale"),
    /** A return at the till: a refund made with the approver as the refund's manager. */
    REFUND("Return", "a refund"),
    /** Not used yet: a line sold at another price than the catalogue's. */
    PRICE_OVERRIDE("Price override", "a price override"),
    /** Not used yet: a discount typed by hand. */
    MANUAL_DISCOUNT("Discount", "a discount by hand");

    private final String title;
    private final String what;

    Approvable(String title, String what) {
        this.title = title;
        this.what = what;
    }

    /** For the dialog's title: "Manager approval: No sale". */
    public String title() {
        return title;
    }

    /** "a refund": completes "... cannot approve ...". */
    public String what() {
        return what;
    }

    /** {@code no-sale}: the subject of its audit entry ({@link AuditAction#APPROVAL}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
