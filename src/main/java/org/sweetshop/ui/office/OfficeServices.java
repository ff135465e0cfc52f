package org.sweetshop.ui.office;

import org.sweetshop.catalog.CatalogImport;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.promo.PromoService;
import org.sweetshop.refund.RefundService;
import org.sweetshop.report.ReportService;
import org.sweetshop.sale.ConflictService;
import org.sweetshop.settings.SettingsService;
import org.sweetshop.staff.AuditLogService;
import org.sweetshop.staff.StaffService;
import org.sweetshop.stock.DeliveryImport;
import org.sweetshop.stock.StockService;

/** The services the back office's tabs use; the application's entry point passes its own. */
public record OfficeServices(CatalogService catalog, StockService stock, CatalogImport catalogImport, DeliveryImport deliveryImport,
                             RefundService refunds, CouponService coupons, PromoService promos, StaffService staff,
                             ReportService reports, AuditLogService auditLog, ConflictService conflicts,
                             SettingsService settings) {
}
