package org.sweetshop.staff;

/** What an audit log entry records; the names are stored (and checked by audit_log_action_ck: V5, V13, V14, V15, V16, V18). */
public enum AuditAction {
    SWEET_ADD, PRICE_CHANGE, SKU_CHANGE, NAME_CHANGE, CATEGORY_CHANGE, REORDER_LEVEL_CHANGE, SWEET_DEACTIVATE,
    CATALOG_IMPORT, DELIVERY_IMPORT, BARCODE_ADD, PLU_CHANGE,
    STAFF_REGISTER, STAFF_DEACTIVATE, PASSWORD_RESET,
    SETTING_CHANGE,
    /** The cash drawer opened without a sale (a "no sale"): subject the till, new value the reason. */
    DRAWER_OPEN,
    /** A tax rate added: subject its code, new value its name and rate. */
    TAX_RATE_ADD,
    /** A sweet moved to another tax rate: subject its SKU, old and new value the codes. */
    TAX_CHANGE,
    /** A PIN set (subject the person; never the PIN) or cleared (V18). */
    PIN_SET, PIN_CLEAR,
    /**
     * A manager's or owner's PIN approved at a till what the person there may not do alone (V18): by the
     * approver, subject the action ({@link Approvable#label()}), old value who asked, new value what
     * (the reason of a no sale, the receipt and amount of a refund), the till.
     */
    APPROVAL;

    /** {@code price-change}: how the command line names it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
