package org.sweetshop.ui.till.sell;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.catalog.ScannedItem;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Texts;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.journal.OfflineSelling;
import org.sweetshop.promo.PromoService;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleService;
import org.sweetshop.staff.Caller;
import org.sweetshop.tax.TaxRateView;
import org.sweetshop.tax.TaxService;

/** What the services the selling screen uses do; the app passes its services ({@link #of}), tests may pass the same. */
public interface SellServices {

    /** The active sweets. */
    List<SweetView> catalogue();

    CouponPreview previewCoupon(String token);

    PromoView findPromo(String code);

    Receipt checkout(Caller cashier, CheckoutRequest request);

    /** The sale made under this UUID, if one was. */
    Optional<Receipt> findReceipt(UUID saleId);

    /**
     * What a scanned product barcode (EAN-13, EAN-8, UPC-A, UPC-E) or scale label stands for: one
     * pack of its sweet, or a label's weighed line. Refusals name what is wrong (an unknown
     * barcode, a wrong check digit, an unknown PLU, the PLU of a counted sweet).
     */
    ScannedItem resolveCode(String code);

    /** The store's tax rates, for the tax added at the total where prices exclude it ({@link TaxPreview}). */
    default List<TaxRateView> taxRates() {
        return List.of();
    }

    /** The app's services behind the selling screen. */
    static SellServices of(CatalogService catalog, CouponService coupons, PromoService promos, SaleService sales) {
        return of(catalog, coupons, promos, sales, null, null);
    }

    /**
     * As above, selling offline into the till's journal when the store database is unreachable and
     * {@code offline} is on (null: never); its catalogue loads refresh the till's snapshot.
     */
    static SellServices of(CatalogService catalog, CouponService coupons, PromoService promos, SaleService sales,
                           OfflineSelling offline, TaxService taxes) {
        return new SellServices() {
            @Override
            public List<SweetView> catalogue() {
                List<SweetView> all = catalog.list();
                if (offline != null) {
                    offline.catalogueLoaded(all);
                }
                return all.stream().filter(SweetView::active).toList();
            }

            @Override
            public CouponPreview previewCoupon(String token) {
                return coupons.preview(token);
            }

            @Override
            public PromoView findPromo(String code) {
                return promos.find(code);
            }

            @Override
            public Receipt checkout(Caller cashier, CheckoutRequest request) {
                if (offline == null) {
                    return sales.checkout(cashier, request);
                }
                return offline.checkout(cashier, request, () -> sales.checkout(cashier, request));
            }

            @Override
            public Optional<Receipt> findReceipt(UUID saleId) {
                return sales.findReceipt(saleId);
            }

            @Override
            public ScannedItem resolveCode(String code) {
                return catalog.resolveCode(code);
            }

            @Override
            public List<TaxRateView> taxRates() {
                return taxes == null ? List.of() : taxes.list();
            }
        };
    }
}
